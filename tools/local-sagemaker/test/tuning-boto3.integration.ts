// Acceptance of local tuning with boto3 (Debian's python3-boto3, through --endpoint-url and the stack's
// credentials file, as `local-sagemaker env` prints them): 6 trials, 2 in parallel; BestTrainingJob is
// the trial whose log printed the best objective. Needs /usr/bin/python3 with boto3 (tools/ci/services.sh up).
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUCKET, Harness, startHarness, waitForLog } from './support/harness';
import { tuningRequest } from './support/tuning';

const PYTHON = '/usr/bin/python3';
let h: Harness;

beforeAll(async () => {
  const boto = spawnSync(PYTHON, ['-c', 'import boto3'], { encoding: 'utf8' });
  if (boto.status !== 0)
    throw new Error(`boto3 missing for ${PYTHON}: run tools/ci/services.sh up (python3-boto3)`);
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SCRIPT = `
import json, sys, time, boto3
sm = boto3.client("sagemaker", endpoint_url=sys.argv[1])
request = json.loads(sys.argv[2])
sm.create_hyper_parameter_tuning_job(**request)
name = request["HyperParameterTuningJobName"]
most_in_progress = 0
while True:
    d = sm.describe_hyper_parameter_tuning_job(HyperParameterTuningJobName=name)
    most_in_progress = max(most_in_progress, d["TrainingJobStatusCounters"]["InProgress"])
    if d["HyperParameterTuningJobStatus"] in ("Completed", "Failed", "Stopped"):
        break
    time.sleep(0.1)
trials = sm.list_training_jobs_for_hyper_parameter_tuning_job(HyperParameterTuningJobName=name, MaxResults=100)
print(json.dumps({
    "status": d["HyperParameterTuningJobStatus"],
    "counters": d["TrainingJobStatusCounters"],
    "most_in_progress": most_in_progress,
    "best": d["BestTrainingJob"]["TrainingJobName"],
    "trials": [t["TrainingJobName"] for t in trials["TrainingJobSummaries"]],
}))
`;

it('boto3 runs a tuning job of 6 trials, 2 in parallel, whose best trial has the best objective in the logs', async () => {
  const request = tuningRequest('boto-tune', `s3://${BUCKET}/tune`);
  // boto3 1.26's model predates RandomSeed (and botocore validates requests against its model).
  delete request.HyperParameterTuningJobConfig!.RandomSeed;
  const env = {
    PATH: process.env.PATH,
    HOME: h.tmp,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_SHARED_CREDENTIALS_FILE: h.emulator.credentialsFile,
    AWS_PROFILE: 'mlops-local',
    AWS_CONFIG_FILE: join(h.tmp, 'no-aws-config'),
  };
  // Asynchronous: the stack answers from this very process.
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      PYTHON,
      ['-c', SCRIPT, h.emulator.endpoint, JSON.stringify(request)],
      { env, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
  const result = JSON.parse(out) as {
    status: string;
    counters: Record<string, number>;
    most_in_progress: number;
    best: string;
    trials: string[];
  };
  expect(result.status).toBe('Completed');
  expect(result.counters.Completed).toBe(6);
  expect(result.most_in_progress).toBeLessThanOrEqual(2);
  expect(result.trials).toHaveLength(6);
  const objectives = await Promise.all(
    result.trials.map(async (name) => {
      const [line] = await waitForLog(h.logs, 'TrainingJobs', name, 'epoch=2 score=');
      return { name, score: Number(/score=(-?[0-9.]+)/.exec(line)![1]) };
    }),
  );
  const best = objectives.reduce((a, b) => (b.score > a.score ? b : a));
  expect(result.best).toBe(best.name);
});
