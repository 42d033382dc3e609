// Start-up overhead of `train` vs bare `node user.js` (not a test; run it, read the numbers).
//   node libs/container/sagemaker-toolkit/bench/startup.mjs [runs=30]
// Builds dist/train.js first (same as `nx build`), creates a temp /opt/ml tree, then measures
//  - bare:  spawn -> first line of `node user.js`
//  - train: spawn -> first line of the same user.js started by `train`
//  - env:   loadTrainingEnv() time inside one process (warm and cold)
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.argv[2] ?? 30);
const { buildTrain } = require('../tools/build.js');
const trainJs = await buildTrain();

const base = mkdtempSync(join(tmpdir(), 'bench-opt-ml-'));
mkdirSync(join(base, 'input/config'), { recursive: true });
mkdirSync(join(base, 'code'));
writeFileSync(
  join(base, 'input/config/hyperparameters.json'),
  JSON.stringify({ epochs: '10', lr: '0.001', sagemaker_program: '"user.js"' }),
);
writeFileSync(
  join(base, 'input/config/inputdataconfig.json'),
  JSON.stringify({ train: { TrainingInputMode: 'File' } }),
);
writeFileSync(
  join(base, 'input/config/resourceconfig.json'),
  JSON.stringify({ current_host: 'algo-1', hosts: ['algo-1'] }),
);
// The user script reports the wall clock at its first line.
const userJs = join(base, 'code/user.js');
// performance.now() there is also "ms since this Node process started" (for in-process train: since train started).
// process.cpuUsage(): CPU ms this process used before user code ran (less sensitive to a busy host than wall time).
writeFileSync(
  userJs,
  'const c = process.cpuUsage(); process.stdout.write("T " + (performance.timeOrigin + performance.now()) + " " + performance.now() + " " + (c.user + c.system) / 1000 + "\\n");\n',
);

function timeToUserCode(cmd, args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.timeOrigin + performance.now();
    const child = spawn(cmd, args, {
      cwd: join(base, 'code'),
      env: { ...process.env, SAGEMAKER_BASE_DIR: base, ...extraEnv },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const m = /T ([0-9.]+) ([0-9.]+) ([0-9.]+)/.exec(out);
      if (code !== 0 || !m) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out}`));
      resolve({ wall: Number(m[1]) - start, inProcess: Number(m[2]), cpu: Number(m[3]) });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

const bare = [];
const train = [];
const trainSub = [];
const bareBoot = [];
const trainBoot = [];
const bareCpu = [];
const trainCpu = [];
for (let i = 0; i < runs; i++) {
  // Interleave so background load hits all variants equally.
  const b = await timeToUserCode(process.execPath, [userJs]);
  const t = await timeToUserCode(process.execPath, [trainJs]);
  const s = await timeToUserCode(process.execPath, [trainJs], { SAGEMAKER_TOOLKIT_SUBPROCESS: 'true' });
  bare.push(b.wall);
  train.push(t.wall);
  trainSub.push(s.wall);
  bareBoot.push(b.inProcess);
  trainBoot.push(t.inProcess);
  bareCpu.push(b.cpu);
  trainCpu.push(t.cpu);
}

// Environment load time, measured in a fresh process (cold: includes module load) and warm.
const envProbe = join(base, 'env-probe.js');
writeFileSync(
  envProbe,
  `const t0 = performance.now();
   const { loadTrainingEnv } = require(${JSON.stringify(join(here, '..', 'dist', 'bench-env.js'))});
   const t1 = performance.now(); loadTrainingEnv(); const t2 = performance.now();
   for (let i = 0; i < 50; i++) loadTrainingEnv(); const t3 = performance.now();
   console.log(JSON.stringify({ require: t1 - t0, cold: t2 - t1, warm: (t3 - t2) / 50 }));`,
);
const { build } = require('esbuild');
await build({
  stdin: {
    contents: `module.exports = require('./src/lib/training-env');`,
    resolveDir: join(here, '..'),
    loader: 'js',
  },
  outfile: join(here, '..', 'dist', 'bench-env.js'),
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  logLevel: 'warning',
});
const envTimes = await new Promise((resolve) => {
  const c = spawn(process.execPath, [envProbe], { env: { ...process.env, SAGEMAKER_BASE_DIR: base } });
  let o = '';
  c.stdout.on('data', (d) => (o += d));
  c.on('close', () => resolve(JSON.parse(o)));
});

const cpuLine = `CPU before user code: bare ${median(bareCpu).toFixed(1)} ms, train in-process ${median(trainCpu).toFixed(1)} ms, toolkit share ${(median(trainCpu) - median(bareCpu)).toFixed(1)} ms`;
const f = (x) => x.toFixed(1).padStart(6);
console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), runs=${runs}`);
console.log(`bare  node user.js   -> user code: median ${f(median(bare))} ms  p90 ${f(p90(bare))} ms`);
console.log(`train (in-process)   -> user code: median ${f(median(train))} ms  p90 ${f(p90(train))} ms`);
console.log(
  `train (subprocess)   -> user code: median ${f(median(trainSub))} ms  p90 ${f(p90(trainSub))} ms`,
);
console.log(`overhead in-process (median train - median bare): ${f(median(train) - median(bare))} ms`);
console.log(`overhead subprocess (median train - median bare): ${f(median(trainSub) - median(bare))} ms`);
const diffs = train.map((t, i) => t - bare[i]);
console.log(`overhead in-process, median of paired differences: ${f(median(diffs))} ms`);
console.log(
  `process start -> user code (performance.now() in user.js): bare ${f(median(bareBoot))} ms, train in-process ${f(median(trainBoot))} ms, toolkit share ${f(median(trainBoot) - median(bareBoot))} ms`,
);
console.log(cpuLine);
console.log(
  `loadTrainingEnv: cold ${envTimes.cold.toFixed(2)} ms, warm ${envTimes.warm.toFixed(2)} ms (bundle require ${envTimes.require.toFixed(2)} ms)`,
);
rmSync(base, { recursive: true, force: true });
