// Other tools on the same machine reach the stack with its credentials file, as `local-sagemaker env`
// prints it: Debian's AWS CLI (v2) and boto3 create, describe and stop jobs through --endpoint-url; an
// unsigned CLI call is refused. Needs /usr/bin/aws and python3-boto3 (tools/ci/services.sh up).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUCKET, Harness, startHarness, trainingRequest, waitForTraining } from './support/harness';

const AWS = '/usr/bin/aws';
const PYTHON = '/usr/bin/python3';
let h: Harness;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (!existsSync(AWS)) throw new Error(`${AWS} missing: run tools/ci/services.sh up (Debian awscli)`);
  const boto = spawnSync(PYTHON, ['-c', 'import boto3'], { encoding: 'utf8' });
  if (boto.status !== 0)
    throw new Error(`boto3 missing for ${PYTHON}: run tools/ci/services.sh up (python3-boto3)`);
  h = await startHarness();
  // Only what `local-sagemaker env` prints: no key in the environment, the file and profile name it.
  env = {
    PATH: process.env.PATH,
    HOME: h.tmp,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_SHARED_CREDENTIALS_FILE: h.emulator.credentialsFile,
    AWS_PROFILE: 'mlops-local',
    AWS_CONFIG_FILE: join(h.tmp, 'no-aws-config'),
  };
});
afterAll(async () => {
  await h?.close();
});

/** Runs a command without blocking: the stack answers from this very process. */
function run(cmd: string, args: string[]): Promise<{ status: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({
        status: error ? Number((error as { code?: number }).code ?? 1) : 0,
        out: stdout,
        err: stderr,
      }),
    );
  });
}

const aws = (...args: string[]) =>
  run(AWS, ['--endpoint-url', h.emulator.endpoint, '--output', 'json', ...args]);

it('the AWS CLI creates, describes and stops a training job with the stack credentials', async () => {
  const request = join(h.tmp, 'cli-request.json');
  writeFileSync(request, JSON.stringify(trainingRequest('cli-job', `s3://${BUCKET}/cli`, { mode: 'sleep' })));
  const created = await aws('sagemaker', 'create-training-job', '--cli-input-json', `file://${request}`);
  expect(created.err).toBe('');
  expect(JSON.parse(created.out).TrainingJobArn).toMatch(/:training-job\/cli-job$/);
  const described = await aws('sagemaker', 'describe-training-job', '--training-job-name', 'cli-job');
  expect(JSON.parse(described.out).TrainingJobStatus).toBe('InProgress');
  expect((await aws('sagemaker', 'stop-training-job', '--training-job-name', 'cli-job')).status).toBe(0);
  expect((await waitForTraining(h.sm, 'cli-job')).TrainingJobStatus).toBe('Stopped');
});

it('the AWS CLI without a signature is refused', async () => {
  const r = await aws('sagemaker', 'list-training-jobs', '--no-sign-request');
  expect(r.status).not.toBe(0);
  expect(r.err).toMatch(/MissingAuthenticationToken/);
});

it('boto3 creates and describes a training job, which completes', async () => {
  const script = `
import json, sys, boto3
sm = boto3.client("sagemaker", endpoint_url=sys.argv[1])
sm.create_training_job(**json.loads(sys.argv[2]))
print(sm.describe_training_job(TrainingJobName="boto-job")["TrainingJobName"])
`;
  const request = trainingRequest('boto-job', `s3://${BUCKET}/boto`, { mode: 'ok' });
  const r = await run(PYTHON, ['-c', script, h.emulator.endpoint, JSON.stringify(request)]);
  expect(r.err).toBe('');
  expect(r.out.trim()).toBe('boto-job');
  expect((await waitForTraining(h.sm, 'boto-job')).TrainingJobStatus).toBe('Completed');
});
