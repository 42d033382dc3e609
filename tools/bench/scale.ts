/**
 * Scale benchmark (issue 8): copies the workspace to a temp dir, generates N models with the real
 * `nx g @mlops/workspace-plugin:model`, and measures what a team feels at that size.
 *
 *   SWC_NODE_PROJECT=tools/bench/tsconfig.json node -r @swc-node/register tools/bench/scale.ts \
 *     [--models 50] [--keep] [--json out.json]
 *
 * Targets: project graph <= 5 s; `nx show projects --affected` for a one-model change lists exactly that
 * model; warm `nx run-many -t build test` (all cache hits) <= 0.1 x cold; generator <= 10 s per model.
 * Every nx call runs with the daemon off, so each one computes the graph itself (the worst case).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyWorkspace, TempWorkspace } from '../workspace-plugin/test/support/temp-workspace';

interface Options {
  models: number;
  /** How many of the generated models the cold/warm run-many covers (default: all). */
  runMany?: number;
  /** How many models are generated with the `nx g` CLI (timed one by one); the rest run in-process. */
  cli: number;
  keep: boolean;
  json?: string;
}

const USAGE = `usage: SWC_NODE_PROJECT=tools/bench/tsconfig.json node -r @swc-node/register tools/bench/scale.ts [options]
  --models N     models to generate (1..500, default 50)
  --cli N        of those, how many with the timed \`nx g\` CLI (default 5); the rest in-process
  --run-many N   models covered by the cold/warm \`nx run-many -t build test\` (default all; 0 skips it)
  --keep         keep the temp copy (its path is printed) to profile in it, e.g.
                 cd <copy> && NX_PERF_LOGGING=true NX_DAEMON=false npx nx show projects
  --json FILE    also write the results as JSON`;

function parseOptions(argv: string[]): Options {
  const o: Options = { models: 50, keep: false, cli: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a === '--models') o.models = Number(argv[++i]);
    else if (a === '--run-many') o.runMany = Number(argv[++i]);
    else if (a === '--cli') o.cli = Number(argv[++i]);
    else if (a === '--keep') o.keep = true;
    else if (a === '--json') o.json = argv[++i];
    else
      throw new Error(
        `unknown argument ${JSON.stringify(a)} (expected --models N, --cli N, --run-many N, --keep, --json FILE)`,
      );
  }
  if (!Number.isInteger(o.models) || o.models < 1 || o.models > 500)
    throw new Error(`--models must be an integer 1..500, got ${o.models}`);
  if (o.runMany !== undefined && !(Number.isInteger(o.runMany) && o.runMany >= 0 && o.runMany <= o.models))
    throw new Error(`--run-many must be an integer 0..${o.models} (0 skips it), got ${o.runMany}`);
  if (!Number.isInteger(o.cli) || o.cli < 0 || o.cli > o.models)
    throw new Error(`--cli must be an integer 0..${o.models}, got ${o.cli}`);
  return o;
}

/** Wall and CPU (user + sys of the command and the children it waited for) seconds of one command. */
interface Timing {
  wall: number;
  cpu: number;
}

function measure(
  ws: TempWorkspace,
  args: string[],
  timeoutMs?: number,
  env?: NodeJS.ProcessEnv,
): Timing & { stdout: string } {
  const out = path.join(ws.root, 'tmp', 'time.txt');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const r = ws.run('/usr/bin/time', ['-f', '%e %U %S', '-o', out, 'npx', ...args], { timeoutMs, env });
  const [wall, user, sys] = fs.readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: user + sys, stdout: r.stdout };
}

const fmtT = (t: Timing) => `${t.wall.toFixed(2)} s wall / ${t.cpu.toFixed(2)} s CPU`;

/** Seconds taken by `fn`, with its result. */
function timed<T>(fn: () => T): [number, T] {
  const t = process.hrtime.bigint();
  const r = fn();
  return [Number(process.hrtime.bigint() - t) / 1e9, r];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (s: number) => `${s.toFixed(2)} s`;

/** Project graph from scratch (no daemon, no workspace-data cache) and again with the cache. */
function graphTimes(ws: TempWorkspace) {
  fs.rmSync(path.join(ws.root, '.nx', 'workspace-data'), { recursive: true, force: true });
  const cold = measure(ws, ['nx', 'graph', '--file=tmp/graph.json']);
  const warm = measure(ws, ['nx', 'graph', '--file=tmp/graph.json']);
  const show = measure(ws, ['nx', 'show', 'projects']);
  const graph = JSON.parse(fs.readFileSync(path.join(ws.root, 'tmp', 'graph.json'), 'utf8'));
  return {
    cold,
    warm,
    show,
    projects: show.stdout.trim().split('\n').length,
    nodes: Object.keys(graph.graph.nodes).length,
  };
}

/**
 * The same with the Nx daemon, as a developer runs it: the daemon is started first (not timed), then one
 * model file changes so the daemon must recompute the graph before answering.
 */
function daemonTimes(ws: TempWorkspace, touch: string) {
  const env = { NX_DAEMON: 'true' };
  ws.run('npx', ['nx', 'show', 'projects'], { env });
  fs.appendFileSync(path.join(ws.root, touch), '\n// daemon\n');
  const graph = measure(ws, ['nx', 'graph', '--file=tmp/graph-daemon.json'], undefined, env);
  const show = measure(ws, ['nx', 'show', 'projects'], undefined, env);
  ws.run('npx', ['nx', 'daemon', '--stop'], { env, allowFail: true });
  ws.run('git', ['checkout', '--', touch]);
  return { graph, show };
}

/** 1-minute load average: the machine is shared, so every figure is recorded with it. */
const load = () => os.loadavg()[0].toFixed(1);

function main(): void {
  const o = parseOptions(process.argv.slice(2));
  const names = Array.from({ length: o.models }, (_, i) => `bench${String(i + 1).padStart(3, '0')}`);
  const log = (s: string) => process.stdout.write(`${s}\n`);

  // Hard links, not a symlink: through a node_modules symlink, workspace packages (e.g. @mlops/ml-kit's
  // test fixtures) would resolve to the original checkout and miss the generated models' data.
  const [copySeconds, ws] = timed(() => copyWorkspace('hardlink'));
  log(`workspace copied to ${ws.root} in ${fmt(copySeconds)} (load ${load()})`);
  try {
    const before = graphTimes(ws);
    log(
      `before: ${before.projects} projects; graph cold ${fmtT(before.cold)}, warm ${fmtT(before.warm)}; ` +
        `show projects ${fmtT(before.show)} (load ${load()})`,
    );

    const generator: Timing[] = [];
    for (const name of names.slice(0, o.cli)) {
      const t = measure(ws, [
        'nx',
        'g',
        '@mlops/workspace-plugin:model',
        name,
        '--owner',
        `@bench/team-${name}`,
      ]);
      generator.push(t);
      log(`nx g ${name}: ${fmtT(t)} (load ${load()})`);
    }
    const rest = names.slice(o.cli);
    let inProcess: number[] = [];
    if (rest.length > 0) {
      const r = ws.run(
        process.execPath,
        ['-r', '@swc-node/register', 'tools/bench/generate-in-process.ts', '@bench/team-x', ...rest],
        {
          env: { SWC_NODE_PROJECT: 'tools/bench/tsconfig.json' },
        },
      );
      inProcess = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}').seconds;
      log(
        `generator in-process, ${rest.length} models: median ${fmt(median(inProcess))}, max ${fmt(Math.max(...inProcess))} (load ${load()})`,
      );
    }
    ws.run('node', ['tools/ci/codeowners.mjs', '--check']);
    ws.run('git', ['add', '-A']);
    ws.run('git', [
      '-c',
      'user.name=bench',
      '-c',
      'user.email=bench@example.invalid',
      'commit',
      '-q',
      '-m',
      'models',
    ]);

    const after = graphTimes(ws);
    log(
      `after: ${after.projects} projects (${after.nodes} graph nodes); graph cold ${fmtT(after.cold)}, ` +
        `warm ${fmtT(after.warm)}; show projects ${fmtT(after.show)} (load ${load()})`,
    );

    const target = names[Math.floor(names.length / 2)];
    const daemon = daemonTimes(ws, `apps/container-${target}/src/jobs/evaluation.ts`);
    log(`with the daemon: graph ${fmtT(daemon.graph)}; show projects ${fmtT(daemon.show)} (load ${load()})`);

    // One model's source changes: only its project may be affected.
    const touched = path.join(ws.root, 'apps', `container-${target}`, 'src', 'jobs', 'training.ts');
    fs.appendFileSync(touched, '\n// touched\n');
    const affected = measure(ws, ['nx', 'show', 'projects', '--affected', '--base=HEAD']);
    const affectedList = affected.stdout.trim().split('\n').filter(Boolean).sort();
    const affectedOk = JSON.stringify(affectedList) === JSON.stringify([`container-${target}`]);
    log(
      `affected by a change in container-${target}: ${affectedList.join(', ')} ` +
        `(${affectedOk ? 'OK' : 'WRONG'}); ${fmtT(affected)} (load ${load()})`,
    );
    ws.run('git', ['checkout', '--', '.']);

    // Cold: empty cache; warm: the same command again, every task must come from the cache.
    const covered = names.slice(0, o.runMany ?? names.length).map((n) => `container-${n}`);
    if (covered.length === 0) {
      log('run-many skipped (--run-many 0)');
      return;
    }
    const runMany = [
      'nx',
      'run-many',
      '-t',
      'build',
      'test',
      '-p',
      covered.join(','),
      '--outputStyle=static',
    ];
    fs.rmSync(path.join(ws.root, '.nx', 'cache'), { recursive: true, force: true });
    const cold = measure(ws, runMany, 4 * 60 * 60 * 1000);
    log(`run-many build+test over ${covered.length} models, cold: ${fmtT(cold)} (load ${load()})`);
    const warm = measure(ws, runMany);
    const hits =
      /Nx read the output from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(
        warm.stdout,
      );
    const allHits = hits !== null && hits[1] === hits[2] && Number(hits[2]) >= 2 * covered.length;
    log(`warm: ${fmtT(warm)}, ${hits ? `${hits[1]}/${hits[2]}` : 'no'} tasks from cache (load ${load()})`);

    const maxGen = generator.length > 0 ? Math.max(...generator.map((g) => g.wall)) : NaN;
    const maxInProcess = inProcess.length > 0 ? Math.max(...inProcess) : NaN;
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, loadAtEnd: os.loadavg() },
      models: names.length,
      projects: { before: before.projects, after: after.projects, graphNodes: after.nodes },
      graph: {
        before: pick(before),
        after: pick(after),
        daemon: { graph: time(daemon.graph), show: time(daemon.show) },
      },
      affected: {
        changed: `container-${target}`,
        listed: affectedList,
        ok: affectedOk,
        timing: time(affected),
      },
      runMany: {
        models: covered.length,
        cold: time(cold),
        warm: time(warm),
        ratioWall: warm.wall / cold.wall,
        cacheHits: hits ? `${hits[1]}/${hits[2]}` : null,
      },
      generator: {
        cli: {
          models: generator.length,
          wall: { median: median(generator.map((g) => g.wall)), max: maxGen },
          cpu: { median: median(generator.map((g) => g.cpu)), max: Math.max(...generator.map((g) => g.cpu)) },
        },
        inProcess: { models: inProcess.length, median: median(inProcess), max: maxInProcess },
      },
    };
    const checks: [string, boolean][] = [
      [`graph <= 5 s, no daemon (cold ${fmtT(after.cold)})`, after.cold.wall <= 5],
      [`graph <= 5 s, daemon (${fmtT(daemon.graph)})`, daemon.graph.wall <= 5],
      [`affected lists exactly container-${target}`, affectedOk],
      [
        `warm <= 0.1 x cold (${(warm.wall / cold.wall).toFixed(3)}), all from cache`,
        warm.wall <= 0.1 * cold.wall && allHits,
      ],
      [`nx g <= 10 s per model (max ${fmt(maxGen)} wall)`, !(maxGen > 10)],
      [`generator in-process <= 10 s per model (max ${fmt(maxInProcess)})`, !(maxInProcess > 10)],
    ];
    log('\n| Check | Result |\n|---|---|');
    for (const [text, ok] of checks) log(`| ${text} | ${ok ? 'pass' : 'FAIL'} |`);
    log(`\n${JSON.stringify(results, null, 2)}`);
    if (o.json) fs.writeFileSync(o.json, JSON.stringify(results, null, 2) + '\n');
    if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    if (o.keep) log(`kept ${ws.root}`);
    else ws.remove();
  }
}

const time = (t: Timing) => ({ wall: t.wall, cpu: t.cpu });
const pick = (g: ReturnType<typeof graphTimes>) => ({
  cold: time(g.cold),
  warm: time(g.warm),
  show: time(g.show),
});

main();
