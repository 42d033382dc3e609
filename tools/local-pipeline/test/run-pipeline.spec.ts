import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHASES } from '../src/batches/phases';
import { runPipeline, RunPipelineOptions } from '../src/pipeline/run-pipeline';
import { portIsOpen, REPO_ROOT } from './support/workspace';

// Real stack and SQLite, stand-in batch bundles: the orchestration logic with only Node.
jest.setTimeout(60_000);

const MODEL = (name: string) => `
  ${name}:
    team: team-a
    task: classification
    image: container-${name}:latest
    source: builtin:${name}
    training: { instanceType: ml.m5.large, maxRuntimeInSeconds: 60 }
    processing: { instanceType: ml.t3.medium, maxRuntimeInSeconds: 60 }
    evaluation: { thresholds: ['accuracy >= 0.9'] }
    s3Prefixes: { raw: ${name}/raw/, processed: ${name}/processed/, models: ${name}/models/, evaluation: ${name}/evaluation/, inference: ${name}/inference/ }
`;

function configYaml(endpoints: string): string {
  return `aws:
  region: us-east-1
${endpoints}  roleArn: arn:aws:iam::123456789012:role/test
  bucket: test-bucket
db: { type: sqlite, path: state/mlops.sqlite }
local: { runtime: process, stateDir: state }
reportDir: reports
models:${MODEL('iris')}${MODEL('mpg')}`;
}

// A stand-in batch: logs its phase, argv and the stack endpoint it was given; fails when asked to.
const STUB = `
const fs = require('node:fs');
const phase = __dirname.split(/[\\\\/]/).slice(-2)[0].replace('pipeline-', '');
const args = process.argv.slice(2);
const model = args[args.indexOf('--model') + 1];
fs.appendFileSync(process.env.STUB_LOG, JSON.stringify({ phase, args, sm: process.env.MLOPS__AWS__ENDPOINTS__SAGEMAKER ?? null }) + '\\n');
console.log('working on ' + model);
if (process.env.STUB_FAIL === model + '/' + phase) { console.error('Error: ' + phase + ' broke'); process.exitCode = 1; }
`;

describe('runPipeline with stand-in batches', () => {
  let tmp: string;
  let log: string;

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'lp-run-'));
    log = join(tmp, 'calls.jsonl');
    for (const phase of PHASES) {
      const dir = join(tmp, 'apps', `pipeline-${phase}`, 'dist');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'main.js'), STUB);
    }
    mkdirSync(join(tmp, 'configs'));
    writeFileSync(join(tmp, 'configs', 'dev.yaml'), configYaml(''));
    writeFileSync(
      join(tmp, 'configs', 'local.yaml'),
      configYaml(
        '  endpoints: { s3: "http://127.0.0.1:0", sagemaker: "http://127.0.0.1:0", logs: "http://127.0.0.1:0" }\n',
      ),
    );
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function options(extra: Partial<RunPipelineOptions> & { fail?: string } = {}) {
    const out: string[] = [];
    const { fail, ...rest } = extra;
    const opts: RunPipelineOptions = {
      env: 'dev',
      runId: 'r1',
      configDir: join(tmp, 'configs'),
      repoRoot: tmp,
      stackCli: join(REPO_ROOT, 'tools', 'local-sagemaker', 'dist', 'cli.js'),
      write: (t) => out.push(t),
      processEnv: { PATH: process.env.PATH, STUB_LOG: log, ...(fail ? { STUB_FAIL: fail } : {}) },
      heartbeatMs: 0,
      ...rest,
    };
    return { opts, out };
  }

  function calls(): { phase: string; args: string[]; sm: string | null }[] {
    return readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  }

  it('env dev: no local stack; every model runs the five batches in order with one run id', async () => {
    const { opts, out } = options();
    const outcome = await runPipeline(opts);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.runtime).toBe('aws');
    expect(calls().map((c) => `${c.args[1]}/${c.phase}`)).toEqual([
      ...PHASES.map((p) => `iris/${p}`),
      ...PHASES.map((p) => `mpg/${p}`),
    ]);
    expect(calls()[0].args).toEqual([
      '--model',
      'iris',
      '--env',
      'dev',
      '--run-id',
      'r1',
      '--config-dir',
      join(tmp, 'configs'),
    ]);
    expect(calls().every((c) => c.sm === null)).toBe(true);
    const text = out.join('');
    expect(text).toContain('Environment dev: SageMaker endpoint of the config (AWS), no local stack');
    expect(text).toContain('  mpg/inference │ working on mpg');
    expect(text).toContain(`Report: ${join(tmp, 'reports', 'run-r1.html')}`);
    expect(readFileSync(join(tmp, 'reports', 'run-r1.html'), 'utf8')).toContain('No pipeline run recorded');
  });

  it('a failed batch skips the rest of its model only; exit code 1 and the failure in the summary', async () => {
    const { opts, out } = options({ fail: 'iris/training' });
    const outcome = await runPipeline(opts);
    expect(outcome.exitCode).toBe(1);
    expect(calls().map((c) => `${c.args[1]}/${c.phase}`)).toEqual([
      'iris/collection',
      'iris/preprocess',
      'iris/training',
      ...PHASES.map((p) => `mpg/${p}`),
    ]);
    const text = out.join('');
    expect(text).toContain('skipping the remaining 2 phase(s) of iris');
    expect(text).toMatch(/^iris\s+evaluation\s+-\s+-\s+-\s+-\s+not run$/m);
    expect(text).toContain('  iris/training: Error: training broke');
  });

  it('--parallel runs the models side by side, each still in phase order', async () => {
    const { opts } = options({ parallel: 2 });
    expect((await runPipeline(opts)).exitCode).toBe(0);
    for (const model of ['iris', 'mpg'])
      expect(
        calls()
          .filter((c) => c.args[1] === model)
          .map((c) => c.phase),
      ).toEqual([...PHASES]);
  });

  it('env local: starts the stack, hands its endpoint to the batches and stops it afterwards', async () => {
    const { opts, out } = options({ env: 'local', models: ['iris'] });
    const outcome = await runPipeline(opts);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.runtime).toBe('process');
    const endpoints = new Set(calls().map((c) => c.sm));
    expect(endpoints.size).toBe(1);
    const [sm] = [...endpoints];
    expect(sm).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const pid = Number(/Local stack: pid (\d+), SageMaker\+Logs (\S+),/.exec(out.join(''))?.[1]);
    expect(out.join('')).toContain(`Local stack: pid ${pid}, SageMaker+Logs ${sm},`);
    expect(await portIsOpen(Number(new URL(sm as string).port))).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow(); // the daemon it started is gone
  });

  it('bad input is refused before anything starts (exit code 2)', async () => {
    await expect(runPipeline(options({ models: ['iris', 'nope'] }).opts)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('Unknown model "nope"'),
    });
    await expect(runPipeline(options({ runId: 'Bad_Id' }).opts)).rejects.toMatchObject({ exitCode: 2 });
    rmSync(join(tmp, 'apps', 'pipeline-training'), { recursive: true });
    await expect(runPipeline(options().opts)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(join(tmp, 'apps', 'pipeline-training', 'dist', 'main.js')),
    });
    expect(() => readFileSync(log)).toThrow();
  });

  it('--batches docker with an image missing: exit 2 naming it and the build command, nothing started', async () => {
    const asked: string[] = [];
    const dockerProbe = {
      daemonAnswers: async () => true,
      imageExists: async (image: string) => {
        asked.push(image);
        return image !== 'pipeline-training:latest';
      },
    };
    const { opts, out } = options({ env: 'local', batches: 'docker', dockerProbe });
    await expect(runPipeline(opts)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(
        /image\(s\) pipeline-training:latest do not exist; build them with `npx nx run-many -t docker:build -p pipeline-collection .*pipeline-inference`/,
      ),
    });
    expect(asked).toEqual(PHASES.map((p) => `pipeline-${p}:latest`));
    expect(out).toEqual([]);
    expect(() => readFileSync(log)).toThrow();
  });
});
