import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
${endpoints}  roleArn: arn:aws:iam::210987654321:role/test
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
fs.appendFileSync(process.env.STUB_LOG, JSON.stringify({ phase, args, sm: process.env.MLOPS__AWS__ENDPOINTS__SAGEMAKER ?? null, images: process.env.MLOPS_PREFLIGHT_IMAGES }) + '\\n');
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
    // What the pre-flight checks exists: the built apps (process runtime) and the builtin datasets.
    for (const model of ['iris', 'mpg']) {
      mkdirSync(join(tmp, 'apps', `container-${model}`, 'dist'), { recursive: true });
      mkdirSync(join(tmp, 'data', model), { recursive: true });
      writeFileSync(join(tmp, 'data', model, `${model}.csv`), 'a,b\n1,2\n');
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
      // What only AWS answers (env dev): credentials and ECR's DescribeImages, both fine here.
      aws: { credentials: async () => ({ accessKeyId: 'stand-in' }), imageCheck: async () => undefined },
      ...rest,
    };
    return { opts, out };
  }

  function calls(): { phase: string; args: string[]; sm: string | null; images?: string }[] {
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
    // The pre-flight checked the images: the batches are told so (in a container they could not).
    expect(calls().every((c) => c.images === 'checked')).toBe(true);
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

describe('runPipeline pre-flight: each mismatch is exit 2, one line, nothing started or written', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'lp-preflight-'));
    for (const phase of PHASES) {
      mkdirSync(join(tmp, 'apps', `pipeline-${phase}`, 'dist'), { recursive: true });
      writeFileSync(join(tmp, 'apps', `pipeline-${phase}`, 'dist', 'main.js'), STUB);
    }
    for (const model of ['iris', 'mpg']) {
      mkdirSync(join(tmp, 'apps', `container-${model}`, 'dist'), { recursive: true });
      mkdirSync(join(tmp, 'data', model), { recursive: true });
      writeFileSync(join(tmp, 'data', model, `${model}.csv`), 'a,b\n1,2\n');
    }
    mkdirSync(join(tmp, 'configs'));
    const local = configYaml(
      '  endpoints: { s3: "http://127.0.0.1:0", sagemaker: "http://127.0.0.1:0", logs: "http://127.0.0.1:0" }\n',
    );
    writeFileSync(join(tmp, 'configs', 'local.yaml'), local);
    writeFileSync(join(tmp, 'configs', 'dev.yaml'), configYaml(''));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  /** Runs the main job expecting a refusal; returns its lines after proving nothing happened. */
  async function refused(
    env: 'local' | 'dev',
    processEnv: Record<string, string>,
    extra: Partial<RunPipelineOptions> = {},
  ) {
    const out: string[] = [];
    const log = join(tmp, 'calls.jsonl');
    const err = await runPipeline({
      env,
      runId: 'r1',
      configDir: join(tmp, 'configs'),
      repoRoot: tmp,
      stackCli: join(REPO_ROOT, 'tools', 'local-sagemaker', 'dist', 'cli.js'),
      write: (t) => out.push(t),
      processEnv: { PATH: process.env.PATH, STUB_LOG: log, ...processEnv },
      heartbeatMs: 0,
      runtime: 'process',
      ...extra,
    }).then(
      () => undefined,
      (e: unknown) => e as Error & { exitCode?: number },
    );
    expect(err).toBeDefined();
    expect(err?.exitCode).toBe(2);
    expect(out).toEqual([]); // no progress: the stack was not started
    expect(existsSync(log)).toBe(false); // no batch ran
    expect(existsSync(join(tmp, 'state'))).toBe(false); // no stack state dir, no SQLite file
    expect(existsSync(join(tmp, 'reports'))).toBe(false);
    return (err as Error).message.split('\n');
  }

  const configFile = () => join(tmp, 'configs', 'local.yaml');

  it('ml.m5.huge: at config load, naming file, field, value and the closest valid types', async () => {
    const lines = await refused('local', { MLOPS__MODELS__IRIS__TRAINING__INSTANCE_TYPE: 'ml.m5.huge' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${configFile()}: models.iris.training.instanceType (from env`);
    expect(lines[0]).toMatch(/closest valid: ml\.m5\.large, .*got string "ml\.m5\.huge"$/);
  });

  it('an image that does not exist (process runtime: its app is not built)', async () => {
    const lines = await refused('local', { MLOPS__MODELS__MPG__IMAGE: 'container-preflight-none:latest' });
    expect(lines).toEqual([
      `${configFile()}: models.mpg.image = "container-preflight-none:latest": its app ` +
        'apps/container-preflight-none/dist is not built; build it: npx nx run container-preflight-none:build',
    ]);
  });

  it('a source that does not exist', async () => {
    const lines = await refused('local', { MLOPS__MODELS__IRIS__SOURCE: 'builtin:nope' });
    expect(lines).toEqual([
      `${configFile()}: models.iris.source = "builtin:nope": directory ${join(tmp, 'data', 'nope')} does not ` +
        'exist; name a dataset of the data dir (see --data-dir) or create it',
    ]);
  });

  it('a local source that leads outside its folder (symlink)', async () => {
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/etc/hostname', join(tmp, 'data', 'iris', 'escape.csv'));
    const lines = await refused('local', {});
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/models\.iris\.source = "builtin:iris": .*escape\.csv leads outside its folder/);
  });

  it("s3Prefixes.raw that overlaps another model's prefix", async () => {
    const lines = await refused('local', { MLOPS__MODELS__MPG__S3_PREFIXES__RAW: 'iris/' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /models\.mpg\.s3Prefixes\.raw = "iris\/": overlaps models\.iris\.s3Prefixes\.\w+ \("iris\/\w+\/"\); give each/,
    );
  });

  it('--env dev with placeholders: one line per field, before any AWS call', async () => {
    writeFileSync(
      join(tmp, 'configs', 'dev.yaml'),
      configYaml('').replace('210987654321', '123456789012').replace('test-bucket', '<your-bucket>'),
    );
    const lines = await refused(
      'dev',
      {},
      {
        aws: { credentials: async () => ({}), imageCheck: async () => undefined },
      },
    );
    const dev = join(tmp, 'configs', 'dev.yaml');
    expect(lines).toEqual([
      `${dev}: aws.roleArn = "arn:aws:iam::123456789012:role/test": is the placeholder 123456789012; set a real value (or an MLOPS__ override)`,
      `${dev}: aws.bucket = "<your-bucket>": is the placeholder <your-bucket>; set a real value (or an MLOPS__ override)`,
    ]);
  });

  it('--env dev without AWS credentials: one line with the fix, no stack trace', async () => {
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    Object.assign(process.env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(tmp, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'none'),
    });
    try {
      const lines = await refused('dev', {}, { aws: undefined });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^${join(tmp, 'configs', 'dev.yaml')}: aws = "us-east-1": no AWS credentials \\(.+\\); set AWS_PROFILE`,
        ),
      );
      expect(lines[0]).not.toMatch(/\bat \S+:\d+/);
    } finally {
      process.env = saved;
    }
  });
});
