// A channel of more than 1,000 objects: the embedded S3 must page ListObjectsV2 (continuation tokens) in
// the product itself, not only under a test-only Node flag, and the job must see every object.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client, downloadFile, listObjectsArray, unpackArchive, uploadDirectory } from '@mlops/aws';
import { BUCKET, Harness, startHarness, trainingRequest, waitForTraining } from './support/harness';

const OBJECTS = 2_500;
let h: Harness;
let s3: S3Client;

beforeAll(async () => {
  h = await startHarness();
  s3 = createS3Client({
    region: 'us-east-1',
    endpoint: h.emulator.s3Endpoint,
    forcePathStyle: true,
    credentials: h.emulator.s3Credentials,
  });
  const dir = join(h.tmp, 'many');
  mkdirSync(dir);
  for (let i = 0; i < OBJECTS; i++)
    writeFileSync(join(dir, `part-${String(i).padStart(4, '0')}.csv`), `${i}`);
  await uploadDirectory(s3, dir, `s3://${BUCKET}/data/many`);
}, 120_000);
afterAll(async () => {
  s3.destroy();
  await h.close();
});

it(`lists and trains on a channel of ${OBJECTS} objects`, async () => {
  const listed = await listObjectsArray(s3, `s3://${BUCKET}/data/many/`);
  expect(listed).toHaveLength(OBJECTS);
  const req = {
    ...trainingRequest('many-objects', `s3://${BUCKET}/models`, { mode: 'ok' }),
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: { S3DataSource: { S3Uri: `s3://${BUCKET}/data/many`, S3DataType: 'S3Prefix' as const } },
      },
    ],
  };
  await h.sm.send(new CreateTrainingJobCommand(req));
  const d = await waitForTraining(h.sm, 'many-objects');
  expect([d.TrainingJobStatus, d.FailureReason]).toEqual(['Completed', undefined]);
  const tgz = join(h.tmp, 'many.tar.gz');
  await downloadFile(s3, d.ModelArtifacts!.S3ModelArtifacts!, tgz);
  const out = join(h.tmp, 'many-model');
  await unpackArchive(tgz, out);
  const seen: string[] = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')).seen.train;
  expect(seen).toHaveLength(OBJECTS);
  expect(seen[0]).toBe('part-0000.csv=0');
  expect(seen[OBJECTS - 1]).toBe(`part-2499.csv=${OBJECTS - 1}`);
}, 120_000);
