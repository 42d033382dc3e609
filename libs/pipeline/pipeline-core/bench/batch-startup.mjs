// Start-up cost of the five batch bundles (every pipeline step pays it once per model):
//   node libs/pipeline/pipeline-core/bench/batch-startup.mjs [runs=5]
// Build first: the five `pipeline-<b>:build` targets. Prints median wall and CPU per bundle for
// `--help` (load + parse the bundle) and for a refused run (`--model <unknown>`: + config load, exit 2).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');
const runs = Number(process.argv[2] ?? 5);
const batches = ['collection', 'preprocess', 'training', 'evaluation', 'inference'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(bundle, args, expectCode) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      'bash',
      ['-c', 'TIMEFORMAT=%U+%S; time node "$@" >/dev/null 2>&1; exit $?', 'bench', bundle, ...args],
      { encoding: 'utf8', cwd: root },
    );
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== expectCode)
      throw new Error(`${bundle} ${args.join(' ')}: exit ${r.status}, expected ${expectCode}`);
    const [u, s] = r.stderr.trim().split('\n').pop().split('+').map(Number);
    cpu.push((u + s) * 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

console.log(
  `runs per cell: ${runs}; load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('bundle              --help wall / cpu (ms)   unknown model wall / cpu (ms)');
for (const b of batches) {
  const bundle = join(root, 'apps', `pipeline-${b}`, 'dist', 'main.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} missing: run npx nx run pipeline-${b}:build`);
  const help = measure(bundle, ['--help'], 0);
  const refused = measure(bundle, ['--model', 'no-such-model', '--run-id', 'bench'], 2);
  console.log(
    `pipeline-${b}`.padEnd(20) +
      `${help.wall.toFixed(0)} / ${help.cpu.toFixed(0)}`.padEnd(25) +
      `${refused.wall.toFixed(0)} / ${refused.cpu.toFixed(0)}`,
  );
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
