import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@mlops/config-reader';
import {
  BatchDefinition,
  imageCheckFor,
  localImageCheck,
  preflight,
  PreflightError,
  problemLine,
  runBatch,
} from '../src';
import { checkPrefixes } from '../src/preflight/check-prefixes';
import { useBatchHarness } from '../testing';

const h = useBatchHarness(undefined, { name: 'preflight' });
const cli = { command: 'pipeline-test', summary: 'A test batch.' };

/** A batch whose execute writes a run row: reaching it shows the pre-flight let the run through. */
function batch(name: string): BatchDefinition<unknown> {
  return {
    batch: name,
    cli: { ...cli, extraOptions: [{ name: 'data-dir', valueName: 'dir', description: 'data' }] },
    async execute(ctx) {
      await ctx.ensureRun();
      return ['ran'];
    },
  };
}
const training = batch('training');
const collection = batch('collection');

/** Exit 2, exactly one stderr line, no DB file and no AWS call. */
function expectRefused(r: { code: number; err: string }): string {
  expect(r.code).toBe(2);
  expect(r.err.split('\n')).toHaveLength(1);
  expect(existsSync(h.dbPath)).toBe(false);
  expect(h.calls).toEqual([]);
  return r.err;
}

describe('runBatch pre-flight (before the DB, S3 or any job)', () => {
  const configFile = join(h.repoRoot, 'configs', 'local.yaml');

  it('all well: the batch runs and writes its row', async () => {
    const r = await h.runBatch(training, ['--model', 'iris', '--run-id', 'p0']);
    expect(r.code).toBe(0);
    expect(await h.withDb((db) => db.listPipelineRuns())).toHaveLength(1);
  });

  it('ml.m5.huge: one line naming file, field, value and the closest valid types', async () => {
    const r = await h.runBatch(training, ['--model', 'iris', '--run-id', 'p1'], {
      MLOPS__MODELS__IRIS__TRAINING__INSTANCE_TYPE: 'ml.m5.huge',
    });
    expect(expectRefused(r)).toMatch(
      /^pipeline-test: Invalid config .*local\.yaml: models\.iris\.training\.instanceType \(from env MLOPS__MODELS__IRIS__TRAINING__INSTANCE_TYPE\): expected a SageMaker training instance type; closest valid: ml\.m5\.large/,
    );
  });

  it('an image that exists neither as a Docker image nor as a built app', async () => {
    const r = await h.runBatch(training, ['--model', 'iris', '--run-id', 'p2'], {
      MLOPS__MODELS__IRIS__IMAGE: 'container-preflight-none:latest',
    });
    expect(expectRefused(r)).toBe(
      `pipeline-test: ${configFile}: models.iris.image = "container-preflight-none:latest": no such Docker ` +
        'image and no built app apps/container-preflight-none/dist; build it: npx nx run ' +
        'container-preflight-none:build (or npx nx run container-preflight-none:docker:build)',
    );
  });

  it('a batch of the main job (MLOPS_PREFLIGHT_IMAGES=checked) leaves the images to it', async () => {
    const r = await h.runBatch(training, ['--model', 'iris', '--run-id', 'p2b'], {
      MLOPS__MODELS__IRIS__IMAGE: 'container-preflight-none:latest',
      MLOPS_PREFLIGHT_IMAGES: 'checked',
    });
    expect(r.code).toBe(0);
  });

  it('a bad source (collection only: other batches do not read it)', async () => {
    const env = { MLOPS__MODELS__IRIS__SOURCE: 's3://Bad_Bucket/raw' };
    expect(expectRefused(await h.runBatch(collection, ['--model', 'iris', '--run-id', 'p3'], env))).toBe(
      `pipeline-test: ${configFile}: models.iris.source = "s3://Bad_Bucket/raw": not a valid ` +
        's3://bucket/prefix URI; write it like s3://my-bucket/raw/iris/',
    );
    expect((await h.runBatch(training, ['--model', 'iris', '--run-id', 'p3'], env)).code).toBe(0);
  });

  it('bad s3Prefixes.raw: the same prefix as another kind', async () => {
    const r = await h.runBatch(training, ['--model', 'iris', '--run-id', 'p4'], {
      MLOPS__MODELS__IRIS__S3_PREFIXES__RAW: 'iris/processed/',
    });
    expect(expectRefused(r)).toMatch(
      /models\.iris\.s3Prefixes\.(raw|processed) = "iris\/processed\/": is the same prefix as models\.iris\.s3Prefixes\.(raw|processed)/,
    );
  });

  it('missing AWS credentials: one line with the fix, no stack trace and no Running run row', async () => {
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    Object.assign(process.env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(h.dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(h.dir, 'none'),
    });
    try {
      const r = await h.runBatch(training, ['--model', 'iris', '--run-id', 'p5']);
      expect(expectRefused(r)).toMatch(
        /^pipeline-test: .*local\.yaml: aws = "[a-z0-9-]+": no AWS credentials \(.+\); set AWS_PROFILE .* or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
      );
    } finally {
      process.env = saved;
    }
  });

  it('--env dev with placeholders: one line per field, every problem reported at once', async () => {
    const err: string[] = [];
    const asked: string[] = [];
    const code = await runBatch(training, {
      argv: [
        '--model',
        'iris',
        '--run-id',
        'p6',
        '--env',
        'dev',
        '--config-dir',
        join(h.repoRoot, 'configs'),
      ],
      cwd: h.repoRoot,
      env: { PGPASSWORD: 'unused', MLOPS__DB__TYPE: 'sqlite', MLOPS__DB__PATH: h.dbPath },
      stdout: () => undefined,
      stderr: (l) => err.push(l),
      // ECR answers only on AWS: a stand-in that records the question.
      imageCheck: async (image) => void asked.push(image),
    });
    expect(code).toBe(2);
    const dev = join(h.repoRoot, 'configs', 'dev.yaml');
    expect(err).toEqual(
      expect.arrayContaining([
        `pipeline-test: ${dev}: aws.roleArn = "arn:aws:iam::123456789012:role/mlops-sagemaker-execution": is the placeholder 123456789012; set a real value (or an MLOPS__ override)`,
        `pipeline-test: ${dev}: aws.bucket = "<your-bucket>": is the placeholder <your-bucket>; set a real value (or an MLOPS__ override)`,
        expect.stringMatching(
          /^pipeline-test: .*dev\.yaml: models\.iris\.image = .*: is the placeholder 123456789012/,
        ),
      ]),
    );
    expect(err.every((l) => l.startsWith('pipeline-test: '))).toBe(true);
    expect(asked).toEqual(['123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-iris:latest']);
    expect(existsSync(h.dbPath)).toBe(false);
  });
});

describe('pre-flight pieces', () => {
  let tmp: string;
  beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'preflight-unit-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('localImageCheck: the built app for process, docker image inspect for docker, either when unknown', async () => {
    mkdirSync(join(tmp, 'apps', 'container-a', 'dist'), { recursive: true });
    const inspected: string[] = [];
    const probe = {
      daemonAnswers: async () => true,
      imageExists: async (i: string) => (inspected.push(i), i === 'container-b:1'),
    };
    expect(await localImageCheck(tmp, probe, 'process')('reg:5000/container-a:1')).toBeUndefined();
    expect(await localImageCheck(tmp, probe, 'process')('container-b:1')).toMatch(
      /app apps\/container-b\/dist is not built/,
    );
    expect(await localImageCheck(tmp, probe, 'docker')('container-b:1')).toBeUndefined();
    expect(await localImageCheck(tmp, probe, 'docker')('container-a:1')).toBe(
      'no such Docker image; build it: npx nx run container-a:docker:build',
    );
    expect(await localImageCheck(tmp, probe, 'either')('container-a:1')).toBeUndefined();
    expect(await localImageCheck(tmp, probe, 'either')('container-b:1')).toBeUndefined();
    expect(inspected).toEqual(['container-b:1', 'container-a:1', 'container-b:1']);
  });

  it('imageCheckFor: local in a checkout checks; outside one (a batch container) it cannot, so none', () => {
    const config = loadConfig({ env: 'local', configDir: join(h.repoRoot, 'configs'), processEnv: {} });
    const probe = { daemonAnswers: async () => false, imageExists: async () => false };
    expect(imageCheckFor(config, { appsRoot: tmp, probe }).check).toBeUndefined();
    mkdirSync(join(tmp, 'apps'));
    expect(imageCheckFor(config, { appsRoot: tmp, probe }).check).toBeInstanceOf(Function);
  });

  it('checkPrefixes: equal and nested prefixes across models and kinds, "." segments; others fine', () => {
    const config = loadConfig({ env: 'local', configDir: join(h.repoRoot, 'configs'), processEnv: {} });
    expect(checkPrefixes(config, ['iris', 'mpg'])).toEqual([]);
    config.models.mpg.s3Prefixes.raw = 'iris/raw/more/';
    config.models.mpg.s3Prefixes.models = 'mpg/./models/';
    const lines = checkPrefixes(config, ['mpg']).map(problemLine);
    expect(lines).toEqual([
      expect.stringMatching(
        /models\.mpg\.s3Prefixes\.raw = "iris\/raw\/more\/": overlaps models\.iris\.s3Prefixes\.raw \("iris\/raw\/"\)/,
      ),
      expect.stringMatching(
        /models\.mpg\.s3Prefixes\.models = "mpg\/\.\/models\/": a key prefix may not have/,
      ),
    ]);
    // Selecting only iris still reports the clash: mpg's next run would write into iris's prefix.
    expect(checkPrefixes(config, ['iris']).map(problemLine)).toEqual([
      expect.stringContaining('models.mpg.s3Prefixes.raw'),
    ]);
  });

  it('a builtin dataset whose file is a symlink out of its folder is refused', async () => {
    mkdirSync(join(tmp, 'data', 'iris'), { recursive: true });
    writeFileSync(join(tmp, 'secret.csv'), 'x\n');
    symlinkSync(join(tmp, 'secret.csv'), join(tmp, 'data', 'iris', 'iris.csv'));
    const config = loadConfig({ env: 'local', configDir: join(h.repoRoot, 'configs'), processEnv: {} });
    const err = await preflight({
      config,
      models: ['iris'],
      batches: ['collection'],
      dataDir: join(tmp, 'data'),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreflightError);
    expect((err as PreflightError).problems).toEqual([
      expect.objectContaining({
        field: 'models.iris.source',
        value: 'builtin:iris',
        message: expect.stringContaining(`leads outside its folder (to ${join(tmp, 'secret.csv')})`),
      }),
    ]);
  });
});
