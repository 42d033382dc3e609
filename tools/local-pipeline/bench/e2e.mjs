// Benchmark (not a test): wall time of the main job for each runtime, with the per-phase breakdown of batch
// wall times, each run on a fresh state dir, SQLite file and free ports. Needs the bundles built
// (`npx nx run local-pipeline:start -- --help`) and, for docker, the images (`nx run-many -t docker:build`).
//   node tools/local-pipeline/bench/e2e.mjs [--runtimes process,docker] [--repeat 1] [--parallel 1] [--config-dir configs]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MAIN = join(ROOT, 'tools/local-pipeline/dist/main.js');
const PHASES = ['collection', 'preprocess', 'training', 'evaluation', 'inference'];

const { values } = parseArgs({
  options: {
    runtimes: { type: 'string', default: 'process,docker' },
    repeat: { type: 'string', default: '1' },
    parallel: { type: 'string', default: '1' },
    'config-dir': { type: 'string', default: join(ROOT, 'configs') },
  },
});

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

function seconds(text) {
  const m = /^(?:(\d+)m)?(\d+(?:\.\d+)?)s$/.exec(text);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
}

async function runOnce(runtime) {
  const tmp = mkdtempSync(join(tmpdir(), `lp-bench-${runtime}-`));
  const [s3, sm] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    MLOPS__AWS__ENDPOINTS__S3: `http://127.0.0.1:${s3}`,
    MLOPS__AWS__ENDPOINTS__SAGEMAKER: `http://127.0.0.1:${sm}`,
    MLOPS__AWS__ENDPOINTS__LOGS: `http://127.0.0.1:${sm}`,
    MLOPS__LOCAL__STATE_DIR: join(tmp, 'state'),
    MLOPS__DB__PATH: join(tmp, 'mlops.sqlite'),
    MLOPS__REPORT_DIR: join(tmp, 'reports'),
  };
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [MAIN, '--runtime', runtime], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const code = await new Promise((res) => child.on('close', res));
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(tmp, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${runtime}: exit ${code}\n${out.slice(-3000)}\n${err.slice(-2000)}`);
  const phases = Object.fromEntries(PHASES.map((p) => [p, 0]));
  for (const m of out.matchAll(/^✔ (\S+) · (\S+) ok in (\S+)$/gm)) phases[m[2]] += seconds(m[3]);
  return { wall, phases };
}

function dockerReady() {
  if (spawnSync('docker', ['version'], { stdio: 'ignore' }).status !== 0) return 'no Docker daemon';
  for (const image of ['container-iris:latest', 'container-mpg:latest'])
    if (spawnSync('docker', ['image', 'inspect', image], { stdio: 'ignore' }).status !== 0)
      return `no image ${image}`;
  return undefined;
}

const results = {};
for (const runtime of values.runtimes.split(',')) {
  if (runtime === 'docker') {
    const why = dockerReady();
    if (why) {
      console.log(`docker: skipped (${why})`);
      continue;
    }
  }
  const runs = [];
  for (let i = 0; i < Number(values.repeat); i++) {
    const load = loadavg()[0].toFixed(1);
    runs.push(await runOnce(runtime));
    console.log(
      `${runtime} run ${i + 1}: ${runs[i].wall.toFixed(1)} s (1-min load average at start ${load})`,
    );
  }
  const best = runs.reduce((a, b) => (b.wall < a.wall ? b : a));
  results[runtime] = best;
}

console.log(`\n| runtime | wall (s) | ${PHASES.join(' | ')} |`);
console.log(`| --- | ---: | ${PHASES.map(() => '---:').join(' | ')} |`);
for (const [runtime, r] of Object.entries(results))
  console.log(
    `| ${runtime} | ${r.wall.toFixed(1)} | ${PHASES.map((p) => r.phases[p].toFixed(1)).join(' | ')} |`,
  );
if (results.process && results.docker)
  console.log(
    `\ndocker overhead over process: +${(results.docker.wall - results.process.wall).toFixed(1)} s ` +
      `(${((results.docker.wall / results.process.wall - 1) * 100).toFixed(0)} %)`,
  );
