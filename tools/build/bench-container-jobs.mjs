// Benchmark: wall time of each job of the built bundles, run as the local SageMaker's process runtime
// runs them (`node main.js <job>`, cwd = dist, SAGEMAKER_BASE_DIR = a fresh tree), and with --docker
// as SageMaker runs the image (`docker run`, /opt/ml mounted); plus the image size over its base.
// The model specifics (name, raw CSV, hyperparameters) come from the app's bench/jobs.json.
// Usage: node tools/build/bench-container-jobs.mjs <projectRoot> [runs=5] [--docker]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './bundle-container-app.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [projectRoot, ...args] = process.argv.slice(2);
if (!projectRoot || /^\d+$/.test(projectRoot) || projectRoot.startsWith('--')) {
  console.error('usage: node tools/build/bench-container-jobs.mjs <projectRoot> [runs=5] [--docker]');
  process.exit(2);
}
const app = resolve(repo, projectRoot);
const configFile = join(app, 'bench', 'jobs.json');
/** { model, raw: path under data/, hyperparameters: SageMaker string values } */
const {
  model: MODEL,
  raw: RAW,
  hyperparameters: HYPERPARAMETERS,
} = JSON.parse(readFileSync(configFile, 'utf8'));
if (typeof MODEL !== 'string' || typeof RAW !== 'string' || typeof HYPERPARAMETERS !== 'object')
  throw new Error(`${configFile}: expected {"model": string, "raw": string, "hyperparameters": object}`);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const useDocker = args.includes('--docker');
const image = `container-${MODEL}:latest`;
const work = mkdtempSync(join(tmpdir(), `bench-${MODEL}-`));
const dist = await buildBundles(app, join(work, 'dist'));

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function processingTree(inputs, outputs) {
  const base = mkdtempSync(join(work, 'p-'));
  const lp = (kind, n) => `/opt/ml/processing/${kind}/${n}`;
  write(
    join(base, 'config', 'processingjobconfig.json'),
    JSON.stringify({
      ProcessingJobName: 'bench',
      ProcessingInputs: inputs.map((n) => ({
        InputName: n,
        S3Input: { LocalPath: lp('input', n), S3Uri: 's3://b/x' },
      })),
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
  const dir = (kind, n) => join(base, 'processing', kind, n);
  [...inputs.map((n) => dir('input', n)), ...outputs.map((n) => dir('output', n))].forEach((d) =>
    mkdirSync(d, { recursive: true }),
  );
  return { base, dir };
}

function trainingTree(splits) {
  const base = mkdtempSync(join(work, 't-'));
  const cfg = join(base, 'input', 'config');
  write(join(cfg, 'hyperparameters.json'), JSON.stringify(HYPERPARAMETERS));
  write(join(cfg, 'inputdataconfig.json'), JSON.stringify({ train: {}, validation: {}, stats: {} }));
  write(join(cfg, 'resourceconfig.json'), JSON.stringify({ current_host: 'algo-1', hosts: ['algo-1'] }));
  for (const c of ['train', 'validation', 'stats']) {
    mkdirSync(join(base, 'input', 'data', c), { recursive: true });
    copyFileSync(splits[c], join(base, 'input', 'data', c, splits[c].split('/').pop()));
  }
  mkdirSync(join(base, 'code'), { recursive: true });
  return { base, model: join(base, 'model', 'model.json') };
}

function run(base, args) {
  const t0 = process.hrtime.bigint();
  const r = useDocker
    ? spawnSync(
        'docker',
        [
          'run',
          '--rm',
          '-v',
          `${base}:/opt/ml`,
          ...(args[0] === 'train' ? [image] : ['--entrypoint', 'node', image, 'main.js']),
          ...args,
        ],
        { encoding: 'utf8' },
      )
    : spawnSync(process.execPath, ['main.js', ...args], {
        cwd: dist,
        env: { PATH: process.env.PATH, SAGEMAKER_BASE_DIR: base },
        encoding: 'utf8',
      });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args[0]} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const times = { preprocess: [], training: [], evaluation: [], inference: [] };
let metrics;
for (let i = 0; i < runs; i++) {
  const p = processingTree(['raw'], ['train', 'validation', 'test', 'stats']);
  copyFileSync(join(repo, 'data', RAW), join(p.dir('input', 'raw'), RAW.split('/').pop()));
  times.preprocess.push(run(p.base, ['preprocess']));
  const splits = {
    train: join(p.dir('output', 'train'), 'train.csv'),
    validation: join(p.dir('output', 'validation'), 'validation.csv'),
    stats: join(p.dir('output', 'stats'), 'stats.json'),
    test: join(p.dir('output', 'test'), 'test.csv'),
  };
  const t = trainingTree(splits);
  times.training.push(run(t.base, ['train']));
  const e = processingTree(['model', 'test'], ['evaluation']);
  copyFileSync(t.model, join(e.dir('input', 'model'), 'model.json'));
  copyFileSync(splits.test, join(e.dir('input', 'test'), 'test.csv'));
  times.evaluation.push(run(e.base, ['evaluation']));
  metrics = JSON.parse(readFileSync(join(e.dir('output', 'evaluation'), 'evaluation.json'), 'utf8')).metrics;
  const n = processingTree(['model', 'data'], ['predictions']);
  copyFileSync(t.model, join(n.dir('input', 'model'), 'model.json'));
  copyFileSync(splits.test, join(n.dir('input', 'data'), 'test.csv'));
  times.inference.push(run(n.base, ['inference']));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `${MODEL}: ${useDocker ? `docker (${image})` : 'process runtime (node main.js)'}, ${runs} runs, node ${process.version}`,
);
console.log('| job | median ms | min ms |\n|---|---|---|');
for (const [job, xs] of Object.entries(times))
  console.log(`| ${job} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} |`);
const total = Object.values(times).reduce((s, xs) => s + median(xs), 0);
console.log(`| all four | ${total.toFixed(0)} | |`);
console.log(
  `test-split metrics (hyperparameters ${JSON.stringify(HYPERPARAMETERS)}): ${JSON.stringify(metrics)}`,
);
if (useDocker) {
  const size = (ref) =>
    Number(execFileSync('docker', ['image', 'inspect', ref, '--format', '{{.Size}}'], { encoding: 'utf8' }));
  const over = size(image) - size('sagemaker-runtime:latest');
  console.log(`image ${image}: ${(over / 1024).toFixed(0)} KiB over sagemaker-runtime:latest`);
}
rmSync(work, { recursive: true, force: true });
