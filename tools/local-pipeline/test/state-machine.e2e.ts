import { existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig, MlopsConfig } from '@mlops/config-reader';
import { DbAdapter, openDatabase } from '@mlops/db';
import { LocalStack, startStack, defaultStackCli } from '../src/stack/start-stack';
import { buildChildEnv } from '../src/pipeline/child-env';
import { docker, pg, PG } from './support/services';
import { expectArtifacts, expectDbRows, PHASE_NAMES } from './support/expect-run';
import { CONFIG_DIR, makeTestEnv, REPO_ROOT, RunResult, runNode, TestEnv } from './support/workspace';

// issue 16 item 5: the production definition, as `cdk synth` writes it, run end to end without AWS.
const TEMPLATE = join(REPO_ROOT, 'infra', 'cdk.out', 'mlops-dev-pipeline.template.json');
const CLI = join(REPO_ROOT, 'tools', 'local-stepfunctions', 'dist', 'main.js');
const EXECUTION_LABEL = 'io.mlops.local-stepfunctions.execution';

/** The built local-stepfunctions CLI on the synthesized template, to completion. */
function runMachine(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return runNode(CLI, ['--template', TEMPLATE, ...args], env);
}

/** `<container name> <image>` of every container the execution started. */
function containersOf(execution: string, since: number): string[] {
  return docker([
    'events',
    '--since',
    String(since),
    '--until',
    String(Math.ceil(Date.now() / 1000) + 1),
    '--filter',
    'type=container',
    '--filter',
    'event=start',
    '--filter',
    `label=${EXECUTION_LABEL}=${execution}`,
    '--format',
    '{{.Actor.Attributes.image}}',
  ])
    .split('\n')
    .filter((l) => l !== '')
    .sort();
}

/**
 * The synthesized `mlops-dev-migrate` then `mlops-dev-pipeline` machines: every batch an ECS task run as a
 * container of its `pipeline-<batch>:latest` image with the definition's command (`--env dev --config-dir
 * /app/configs`, the configs baked into the image), the account-specific keys overridden by env as infra
 * does on ECS (here: the local stack, PostgreSQL in its own schema); jobs on the docker runtime.
 */
describe('synthesized state machines, run locally: every batch in its image, docker runtime, PostgreSQL', () => {
  const id = Date.now().toString(36);
  const runId = `sfn-e2e-${id}`;
  const schema = `asl_e2e_${randomBytes(4).toString('hex')}`;
  let t: TestEnv;
  let stack: LocalStack | undefined;
  let config: MlopsConfig;
  let db: DbAdapter;
  let migrate: RunResult;
  let pipeline: RunResult;
  let since: number;
  const sink = () => join(t.tmp, 'sent.jsonl');

  beforeAll(async () => {
    for (const f of [TEMPLATE, CLI])
      if (!existsSync(f)) throw new Error(`${f} missing: run through \`npx nx run local-pipeline:e2e\``);
    docker(['info', '--format', '{{.ServerVersion}}']);
    await pg(`CREATE SCHEMA "${schema}"`);
    t = await makeTestEnv('lsf-e2e-');
    delete t.env.MLOPS__DB__PATH;
    const local = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: t.env });
    stack = await startStack({
      config: local,
      runtime: 'docker',
      appsRoot: join(REPO_ROOT, 'apps'),
      stackCli: defaultStackCli(REPO_ROOT),
    });
    const env = buildChildEnv(t.env, {
      ...stack.childEnv,
      // What infra sets on the task definitions (pipeline-stack.ts), pointed at the local stack.
      MLOPS__AWS__REGION: local.aws.region,
      MLOPS__AWS__BUCKET: local.aws.bucket,
      MLOPS__AWS__FORCE_PATH_STYLE: 'true',
      MLOPS__DB__HOST: PG.host,
      MLOPS__DB__PORT: String(PG.port),
      MLOPS__DB__DATABASE: PG.database,
      MLOPS__DB__USER: PG.user,
      MLOPS__DB__SCHEMA: schema,
      MLOPS__DB__SSL: 'false',
      PGPASSWORD: 'trust-auth-ignores-it',
      MLOPS__MODELS__IRIS__IMAGE: 'container-iris:latest',
      MLOPS__MODELS__MPG__IMAGE: 'container-mpg:latest',
    });
    config = loadConfig({ env: 'dev', configDir: CONFIG_DIR, processEnv: env });
    since = Math.floor(Date.now() / 1000) - 1;
    migrate = await runMachine(
      ['--state-machine', 'mlops-dev-migrate', '--execution-name', `mig-${id}`, '--sink', sink()],
      env,
    );
    pipeline = await runMachine(
      [
        '--state-machine',
        'mlops-dev-pipeline',
        '--execution-name',
        `run-${id}`,
        '--input',
        JSON.stringify({ models: Object.keys(config.models), runId }),
        '--sink',
        sink(),
      ],
      env,
    );
    process.stdout.write(
      `state machines locally: migrate ${migrate.ms} ms, pipeline (${Object.keys(config.models).length} models) ${pipeline.ms} ms\n`,
    );
    await stack.stop(); // the artifacts are read from its data dir below
    stack = undefined;
    db = await openDatabase(config.db, { runMigrations: false });
  });

  afterAll(async () => {
    await db?.close();
    await stack?.stop();
    await pg(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    if (t) rmSync(t.tmp, { recursive: true, force: true });
  });

  it('the migration machine succeeds: one container of the first batch image with --migrate-only', () => {
    if (migrate.code !== 0) throw new Error(`migrate exit ${migrate.code}\n${migrate.stderr}`);
    expect(migrate.stderr).toContain('migrations applied (/app/configs/dev.yaml)');
    expect(containersOf(`mig-${id}`, since)).toEqual(['pipeline-collection:latest']);
  });

  it('the pipeline machine succeeds for every model, each batch a container of its image', () => {
    if (pipeline.code !== 0) throw new Error(`pipeline exit ${pipeline.code}\n${pipeline.stderr}`);
    expect(JSON.parse(pipeline.stdout)).toEqual({ runId, failed: [], count: 0 });
    const expected = Object.keys(config.models).flatMap((_) =>
      PHASE_NAMES.map((p) => `pipeline-${p}:latest`),
    );
    expect(containersOf(`run-${id}`, since)).toEqual(expected.sort());
    // Each container's output is relayed, prefixed with its name.
    for (const phase of PHASE_NAMES)
      expect(pipeline.stderr.split(`│ pipeline-${phase} done (run ${runId})`).length - 1).toBe(
        Object.keys(config.models).length,
      );
  });

  it('sent no failure record or alert, and left no container behind', () => {
    expect(existsSync(sink()) ? readFileSync(sink(), 'utf8') : '').toBe('');
    for (const e of [`mig-${id}`, `run-${id}`])
      expect(docker(['ps', '-aq', '--filter', `label=${EXECUTION_LABEL}=${e}`]).trim()).toBe('');
  });

  it('recorded the runs, jobs, verdicts and approved versions in PostgreSQL', () =>
    expectDbRows(db, config, runId));

  it('wrote every stage’s artifacts and the evaluation reports to the local S3', () =>
    expectArtifacts(config, runId, t.stateDir));
});
