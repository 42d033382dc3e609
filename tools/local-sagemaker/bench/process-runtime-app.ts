// A real container app's training job through the emulator (process runtime, image name → apps/<name>/dist by
// convention) vs bare `node main.js train` of the same bundle on the same data. The fixture bench
// (process-runtime.ts) isolates the fixed overhead; this one shows it against the smallest real job.
// Usage: node tools/local-sagemaker/scripts/bench.mjs process-runtime-app <app project root> [runs=15]
// The app must be built (`npx nx run <app>:build`) and have bench/jobs.json ({ model, raw, hyperparameters }).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalSageMaker } from '../src';
import { alternate, PROJECT_ROOT, report, ROLE, sagemakerClient, timed, timedTrainingJob } from './support';

const REPO = resolve(PROJECT_ROOT, '..', '..');
const CHANNELS = ['train', 'validation', 'stats'];

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Runs the app's preprocess once, bare, on its raw CSV: the channels both sides train on. */
async function prepareChannels(dist: string, raw: string, work: string): Promise<string> {
  const base = join(work, 'preprocess');
  const lp = (kind: string, n: string) => `/opt/ml/processing/${kind}/${n}`;
  const outputs = [...CHANNELS, 'test'];
  write(
    join(base, 'config', 'processingjobconfig.json'),
    JSON.stringify({
      ProcessingJobName: 'bench-preprocess',
      ProcessingInputs: [
        { InputName: 'raw', S3Input: { LocalPath: lp('input', 'raw'), S3Uri: 's3://b/raw' } },
      ],
      ProcessingOutputConfig: {
        Outputs: outputs.map((n) => ({
          OutputName: n,
          S3Output: { LocalPath: lp('output', n), S3Uri: 's3://b/x' },
        })),
      },
    }),
  );
  write(
    join(base, 'config', 'resourceconfig.json'),
    JSON.stringify({ current_host: 'algo-1', hosts: ['algo-1'] }),
  );
  for (const n of outputs) mkdirSync(join(base, 'processing', 'output', n), { recursive: true });
  mkdirSync(join(base, 'processing', 'input', 'raw'), { recursive: true });
  copyFileSync(
    join(REPO, 'data', raw),
    join(base, 'processing', 'input', 'raw', raw.split('/').pop() as string),
  );
  await timed(process.execPath, [join(dist, 'main.js'), 'preprocess'], {
    PATH: process.env.PATH,
    SAGEMAKER_BASE_DIR: base,
  });
  return join(base, 'processing', 'output');
}

/** A training /opt/ml for the bare run, with the channels copied in (the emulator links them). */
function bareTree(dir: string, hyperparameters: Record<string, string>, channels: string): string {
  write(join(dir, 'input/config/hyperparameters.json'), JSON.stringify(hyperparameters));
  write(
    join(dir, 'input/config/inputdataconfig.json'),
    JSON.stringify(Object.fromEntries(CHANNELS.map((c) => [c, {}]))),
  );
  write(
    join(dir, 'input/config/resourceconfig.json'),
    JSON.stringify({ current_host: 'algo-1', hosts: ['algo-1'] }),
  );
  for (const c of CHANNELS) {
    mkdirSync(join(dir, 'input/data', c), { recursive: true });
    for (const f of readdirSync(join(channels, c)))
      copyFileSync(join(channels, c, f), join(dir, 'input/data', c, f));
  }
  for (const d of ['model', 'output/data', 'code']) mkdirSync(join(dir, d), { recursive: true });
  return dir;
}

async function main(): Promise<void> {
  const appRoot = resolve(REPO, process.argv[2] ?? '');
  const runs = Number(process.argv[3] ?? 15);
  const jobsFile = join(appRoot, 'bench', 'jobs.json');
  const dist = join(appRoot, 'dist');
  if (!process.argv[2] || !existsSync(jobsFile) || !existsSync(join(dist, 'main.js'))) {
    console.error(
      'usage: bench.mjs process-runtime-app <app project root, built, with bench/jobs.json> [runs]',
    );
    process.exit(2);
  }
  const { model, raw, hyperparameters } = JSON.parse(readFileSync(jobsFile, 'utf8')) as {
    model: string;
    raw: string;
    hyperparameters: Record<string, string>;
  };
  const image = `${appRoot.split('/').pop()}:latest`;
  const tmp = mkdtempSync(join(tmpdir(), 'lsm-bench-app-'));
  const channels = await prepareChannels(dist, raw, tmp);
  // The convention maps `container-<model>:latest` to <appsRoot>/apps/container-<model>/dist.
  const emulator = await startLocalSageMaker({
    stateDir: join(tmp, 'state'),
    runtime: 'process',
    appsRoot: REPO,
  });
  const sm = sagemakerClient(emulator);
  try {
    const times = await alternate(
      runs,
      (i) => {
        const dir = bareTree(join(tmp, `bare-${i}`), hyperparameters, channels);
        const env = { PATH: process.env.PATH, HOME: process.env.HOME, SAGEMAKER_BASE_DIR: dir };
        return timed(process.execPath, [join(dist, 'main.js'), 'train'], env);
      },
      (i) =>
        timedTrainingJob(sm, {
          TrainingJobName: `bench-app-${i}`,
          RoleArn: ROLE,
          AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
          HyperParameters: hyperparameters,
          InputDataConfig: CHANNELS.map((c) => ({
            ChannelName: c,
            DataSource: {
              S3DataSource: {
                S3DataType: 'S3Prefix',
                S3Uri: pathToFileURL(join(channels, c)).href,
                S3DataDistributionType: 'FullyReplicated',
              },
            },
          })),
          OutputDataConfig: { S3OutputPath: pathToFileURL(join(tmp, 'out')).href },
          ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
          StoppingCondition: { MaxRuntimeInSeconds: 600 },
        }),
    );
    report(
      `process runtime, ${model} training (${image} → ${dist}), ${runs} runs`,
      'bare node main.js train',
      times,
    );
  } finally {
    sm.destroy();
    await emulator.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
