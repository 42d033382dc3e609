import { mkdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createS3Client, listObjectsArray } from '@mlops/aws';
import { datasetVersion, readS3Text } from '@mlops/pipeline-core';
import { useBatchHarness } from '@mlops/pipeline-core/testing';
import { collection } from '../src/collection';

const BUCKET = 'mlops-local'; // the shipped local config's bucket
const h = useBatchHarness(collection, { name: 'collection', s3Bucket: BUCKET });

beforeEach(() => {
  mkdirSync(join(h.dir, 'data', 'iris'), { recursive: true });
  writeFileSync(join(h.dir, 'data', 'iris', 'iris.csv'), 'a,b,label\n1,2,x\n3,4,y\n');
});

const s3 = () =>
  createS3Client({
    region: 'us-east-1',
    endpoint: h.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });

describe('pipeline-collection', () => {
  it('--help documents --data-dir and the exit codes', async () => {
    const r = await h.run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: pipeline-collection/);
    expect(r.out).toMatch(/--data-dir <dir>.*\(default: <workspace>\/data\)/);
    expect(r.out).toMatch(/Exit codes: 0 ok, 1 job failed, 2 bad input/);
  });

  it('unknown model: exit 2, no DB row, no upload', async () => {
    const r = await h.run(['--model', 'nope', '--run-id', 'c0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown model "nope"/);
    expect(existsSync(h.dbPath)).toBe(false);
    expect(await listObjectsArray(s3(), `s3://${BUCKET}/`)).toEqual([]);
  });

  it('a missing builtin data dir: exit 2 naming the directory, nothing written', async () => {
    const r = await h.run(['--model', 'iris', '--run-id', 'c1', '--data-dir', join(h.dir, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(join(h.dir, 'missing', 'iris'));
    expect(existsSync(h.dbPath)).toBe(false);
    expect(await listObjectsArray(s3(), `s3://${BUCKET}/iris/c1/`)).toEqual([]);
  });

  it('copies builtin data to the run raw prefix and records its dataset version; reruns are idempotent', async () => {
    const expectedVersion = await datasetVersion([
      { path: join(h.dir, 'data', 'iris', 'iris.csv'), name: 'iris.csv' },
    ]);
    const first = await h.run(['--model', 'iris', '--run-id', 'c2', '--data-dir', join(h.dir, 'data')]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(expectedVersion);
    expect((await listObjectsArray(s3(), `s3://${BUCKET}/iris/c2/raw/`)).map((o) => o.key)).toEqual([
      'iris/c2/raw/iris.csv',
    ]);
    const again = await h.run(['--model', 'iris', '--run-id', 'c2', '--data-dir', join(h.dir, 'data')]);
    expect(again.code).toBe(0);

    await h.withDb(async (db) => {
      const run = await db.getPipelineRun('c2', 'iris');
      const artifacts = await db.listArtifacts({ pipelineRunId: run?.id });
      expect(artifacts.map((a) => [a.kind, a.uri])).toEqual([['raw-data', `s3://${BUCKET}/iris/c2/raw/`]]);
      expect(artifacts[0].metadata).toMatchObject({
        datasetVersion: expectedVersion,
        source: 'builtin:iris',
      });
    });
    expect(h.calls).toEqual([]);
  });

  it('refuses (exit 2) to mix a changed dataset into a run that already collected another', async () => {
    expect(
      (await h.run(['--model', 'iris', '--run-id', 'c3', '--data-dir', join(h.dir, 'data')])).code,
    ).toBe(0);
    writeFileSync(join(h.dir, 'data', 'iris', 'iris.csv'), 'a,b,label\n9,9,z\n');
    const r = await h.run(['--model', 'iris', '--run-id', 'c3', '--data-dir', join(h.dir, 'data')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already holds dataset version .* use a new --run-id/);
    // Refused before uploading: the run's raw data is still the first dataset.
    expect(await readS3Text(s3(), `s3://${BUCKET}/iris/c3/raw/iris.csv`)).toBe('a,b,label\n1,2,x\n3,4,y\n');
  });
});
