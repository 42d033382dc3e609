import { DbAdapter, DbConfig, DbConflictError, DbNotFoundError, MIGRATIONS, openDatabase } from '../src';

/** A fresh, empty database for one test and how to remove it. */
export interface TestDb {
  config: DbConfig;
  cleanup(): Promise<void>;
}

const TABLES = [
  'artifacts',
  'evaluations',
  'inference_runs',
  'jobs',
  'model_versions',
  'models',
  'pipeline_runs',
  'step_cache',
];

/**
 * The db behaviour suite, run on SQLite by `npm test` and on PostgreSQL by the integration target, so
 * both databases are held to the same assertions.
 */
export function dbSuite(label: string, makeDb: () => Promise<TestDb>): void {
  describe(`db-adapter on ${label}`, () => {
    let testDb: TestDb;
    let db: DbAdapter;

    beforeEach(async () => {
      testDb = await makeDb();
      db = await openDatabase(testDb.config);
    });

    afterEach(async () => {
      await db?.close();
      await testDb?.cleanup();
    });

    async function count(table: string): Promise<number> {
      const [row] = (await db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{
        n: number | string;
      }>;
      return Number(row.n);
    }

    /** A job row written with plain SQL, past the adapter: what the CHECK constraints alone allow. */
    function insertJobRow(modelId: number, batch: string, name: string): Promise<unknown> {
      const now = new Date().toISOString();
      return db.dataSource.query(
        `INSERT INTO jobs (model_id, job_type, batch, sagemaker_name, status, created_at, updated_at) ` +
          `VALUES (${modelId}, 'Processing', '${batch}', '${name}', 'InProgress', '${now}', '${now}')`,
      );
    }

    async function seedModel(name = 'iris') {
      return db.upsertModel({ name, team: 'team-a', task: 'classification' });
    }

    describe('migrations', () => {
      it('create every table and record the migration', async () => {
        const tables = (await db.dataSource.createQueryRunner().getTables(TABLES)).map((t) =>
          t.name.split('.').pop(),
        );
        expect(tables.sort()).toEqual(TABLES);
        const applied = (await db.dataSource.query('SELECT name FROM migrations')) as Array<{ name: string }>;
        expect(applied.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
        expect(await db.dataSource.showMigrations()).toBe(false);
      });

      it('produce exactly the schema the entity definitions describe (no pending sync)', async () => {
        const pending = await db.dataSource.driver.createSchemaBuilder().log();
        expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      });

      it('re-opening an up-to-date database runs nothing and keeps rows', async () => {
        await seedModel();
        await db.close();
        db = await openDatabase(testDb.config);
        expect(await count('migrations')).toBe(MIGRATIONS.length);
        expect((await db.getModel('iris'))?.team).toBe('team-a');
      });

      it('several processes opening a fresh database at once migrate it exactly once', async () => {
        const fresh = await makeDb();
        try {
          const adapters = await Promise.all(Array.from({ length: 4 }, () => openDatabase(fresh.config)));
          try {
            const [first] = adapters;
            const applied = (await first.dataSource.query('SELECT name FROM migrations')) as unknown[];
            expect(applied).toHaveLength(MIGRATIONS.length);
            await first.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
            expect((await adapters[3].getModel('iris'))?.team).toBe('team-a');
          } finally {
            await Promise.all(adapters.map((a) => a.close()));
          }
        } finally {
          await fresh.cleanup();
        }
      });

      it('can be reverted and re-applied', async () => {
        for (let i = 0; i < MIGRATIONS.length; i++) await db.dataSource.undoLastMigration();
        expect(await db.dataSource.createQueryRunner().hasTable('jobs')).toBe(false);
        await db.dataSource.runMigrations();
        expect(await db.dataSource.createQueryRunner().hasTable('jobs')).toBe(true);
      });

      it('enforce enum CHECK constraints in the database itself', async () => {
        const model = await seedModel();
        const now = new Date().toISOString();
        await expect(
          db.dataSource.query(
            `INSERT INTO jobs (model_id, job_type, batch, sagemaker_name, status, created_at, updated_at) ` +
              `VALUES (${model.id}, 'Transform', 'training', 'bad-type', 'InProgress', '${now}', '${now}')`,
          ),
        ).rejects.toThrow(/CHK_jobs_job_type|CHECK constraint failed/);
        expect(await count('jobs')).toBe(0);
      });
      it('open batch names: a generated batch records its jobs, the CHECK still refuses non-slugs', async () => {
        const model = await seedModel();
        const insert = (batch: string, name: string) => insertJobRow(model.id, batch, name);
        await insert('data-quality2', 'ok-1');
        for (const [i, bad] of [
          'Monitoring',
          'data_quality',
          '2nd',
          'a--b',
          'drift-',
          'a'.repeat(33),
        ].entries())
          await expect(insert(bad, `bad-${i}`)).rejects.toThrow(
            /CHK_jobs_batch_slug|CHECK constraint failed|value too long/,
          );
        expect(await count('jobs')).toBe(1);
      });

      it('the open-batch migration keeps existing job rows and lifts the closed list', async () => {
        const model = await seedModel();
        // Undo it and every later migration.
        const at = MIGRATIONS.findIndex((mig) => mig.name === 'OpenBatchNames1764201600000');
        for (let i = MIGRATIONS.length - 1; i >= at; i--) await db.dataSource.undoLastMigration();
        const insert = (batch: string, name: string) => insertJobRow(model.id, batch, name);
        await insert('training', 'before-1');
        // Before the migration, only the five seed batches.
        await expect(insert('monitoring', 'before-2')).rejects.toThrow(
          /CHK_jobs_batch|CHECK constraint failed/,
        );
        await db.dataSource.runMigrations();
        await insert('monitoring', 'after-1');
        expect((await db.listJobs()).map((j) => [j.sagemakerName, j.batch])).toEqual([
          ['before-1', 'training'],
          ['after-1', 'monitoring'],
        ]);
      });

      it('enforce foreign keys in the database itself', async () => {
        const now = new Date().toISOString();
        await expect(
          db.dataSource.query(
            `INSERT INTO jobs (model_id, job_type, batch, sagemaker_name, status, created_at, updated_at) ` +
              `VALUES (9999, 'Training', 'training', 'orphan', 'InProgress', '${now}', '${now}')`,
          ),
        ).rejects.toThrow(/FOREIGN KEY|foreign key/);
        expect(await count('jobs')).toBe(0);
      });
    });

    describe('models and pipeline runs', () => {
      it('upsertModel is idempotent and updates team/task', async () => {
        const a = await seedModel();
        const b = await seedModel();
        expect(b.id).toBe(a.id);
        const c = await db.upsertModel({ name: 'iris', team: 'team-z', task: 'classification' });
        expect(c).toMatchObject({ id: a.id, team: 'team-z' });
        expect((await db.getModel('iris'))?.team).toBe('team-z');
        expect(await count('models')).toBe(1);
      });

      it('createPipelineRun returns the existing run for the same run id and model', async () => {
        await seedModel();
        await db.upsertModel({ name: 'mpg', team: 'team-mpg', task: 'regression' });
        const first = await db.createPipelineRun({ runId: 'run-1', modelName: 'iris', environment: 'local' });
        const again = await db.createPipelineRun({ runId: 'run-1', modelName: 'iris', environment: 'local' });
        const other = await db.createPipelineRun({
          runId: 'run-1',
          modelName: 'mpg',
          environment: 'local',
        });
        expect(first.created).toBe(true);
        expect(again).toEqual({ run: first.run, created: false });
        expect(other.run.id).not.toBe(first.run.id);
        expect(first.run).toMatchObject({ runId: 'run-1', status: 'Running', endedAt: null });
        expect((await db.getPipelineRun('run-1', 'iris'))?.id).toBe(first.run.id);
        const done = await db.finishPipelineRun(first.run.id, 'Failed', 'preprocess failed');
        expect(done).toMatchObject({ status: 'Failed', error: 'preprocess failed' });
        expect(done.endedAt).toBeInstanceOf(Date);
      });

      it('createPipelineRun burns no id: one row per run and model, ids consecutive', async () => {
        await seedModel();
        await db.upsertModel({ name: 'mpg', team: 'team-mpg', task: 'regression' });
        // Each of a model's five batches opens the same run.
        const ids: number[] = [];
        for (const modelName of ['iris', 'mpg'])
          for (let batch = 0; batch < 5; batch++)
            ids.push(
              (await db.createPipelineRun({ runId: 'run-1', modelName, environment: 'local' })).run.id,
            );
        const third = await db.createPipelineRun({ runId: 'run-2', modelName: 'iris', environment: 'local' });
        expect(new Set(ids.slice(0, 5)).size).toBe(1);
        expect(new Set(ids.slice(5)).size).toBe(1);
        expect([ids[5] - ids[0], third.run.id - ids[5]]).toEqual([1, 1]);
        expect(await count('pipeline_runs')).toBe(3);
      });

      it('createPipelineRun for an unknown model fails and writes nothing', async () => {
        await expect(
          db.createPipelineRun({ runId: 'r', modelName: 'nope', environment: 'local' }),
        ).rejects.toThrow(DbNotFoundError);
        expect(await count('pipeline_runs')).toBe(0);
      });
    });

    describe('jobs', () => {
      async function startJob(name = 'iris-train-20261126') {
        await seedModel();
        const { run } = await db.createPipelineRun({
          runId: 'run-1',
          modelName: 'iris',
          environment: 'local',
        });
        const job = await db.upsertJob({
          sagemakerName: name,
          jobType: 'Training',
          batch: 'training',
          modelName: 'iris',
          pipelineRunId: run.id,
        });
        return { run, job };
      }

      it('upsertJob is idempotent by SageMaker name and fills in later fields', async () => {
        const { job } = await startJob();
        expect(job).toMatchObject({ status: 'InProgress', sagemakerArn: null, secondaryStatus: null });
        const again = await db.upsertJob({
          sagemakerName: job.sagemakerName,
          jobType: 'Training',
          batch: 'training',
          modelName: 'iris',
          sagemakerArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/iris-train-20261126',
          secondaryStatus: 'Starting',
        });
        expect(again.id).toBe(job.id);
        expect(again.sagemakerArn).toContain('training-job/iris-train');
        expect(again.secondaryStatus).toBe('Starting');
        expect(await count('jobs')).toBe(1);
      });

      it('concurrent upserts of the same job (e.g. a rerun racing a retry) leave exactly one row', async () => {
        const { job } = await startJob();
        const rows = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            db.upsertJob({
              sagemakerName: `iris-race-${i % 2}`,
              jobType: 'Training',
              batch: 'training',
              modelName: 'iris',
              pipelineRunId: job.pipelineRunId,
            }),
          ),
        );
        expect(new Set(rows.filter((r) => r.sagemakerName === 'iris-race-0').map((r) => r.id)).size).toBe(1);
        expect(new Set(rows.filter((r) => r.sagemakerName === 'iris-race-1').map((r) => r.id)).size).toBe(1);
        expect(await count('jobs')).toBe(3);
      });

      it('records a job of a generated batch; refuses a batch that is not a slug, naming the value', async () => {
        const { run } = await startJob();
        const job = await db.upsertJob({
          sagemakerName: 'iris-monitoring-run-1',
          jobType: 'Processing',
          batch: 'monitoring',
          modelName: 'iris',
          pipelineRunId: run.id,
        });
        expect(job.batch).toBe('monitoring');
        expect((await db.listJobs({ batch: 'monitoring' })).map((j) => j.id)).toEqual([job.id]);
        for (const [batch, message] of [
          ['Monitoring', /^Invalid batch "Monitoring"; expected lowercase letters and digits/],
          ['data_quality', /^Invalid batch "data_quality"; expected lowercase letters/],
          ['a'.repeat(33), /^Invalid batch "a{33}"; at most 32 characters \(it has 33\)/],
          [7, /^Invalid batch 7; expected a string/],
        ] as const) {
          await expect(
            db.upsertJob({
              sagemakerName: `bad-${String(batch)}`,
              jobType: 'Processing',
              batch: batch as string,
              modelName: 'iris',
            }),
          ).rejects.toThrow(message);
        }
        expect(await count('jobs')).toBe(2);
      });

      it('refuses to reuse a job name for another batch or model', async () => {
        const { job } = await startJob();
        await expect(
          db.upsertJob({
            sagemakerName: job.sagemakerName,
            jobType: 'Processing',
            batch: 'evaluation',
            modelName: 'iris',
          }),
        ).rejects.toThrow(DbConflictError);
        expect(await count('jobs')).toBe(1);
      });

      it('updateJob records status, timings, failure reason and metrics', async () => {
        const { job } = await startJob();
        const started = new Date('2026-11-26T06:00:00.123Z');
        const ended = new Date('2026-11-26T06:05:30.456Z');
        await db.updateJob(job.sagemakerName, {
          status: 'InProgress',
          secondaryStatus: 'Training',
          startedAt: started,
        });
        const done = await db.updateJob(job.sagemakerName, {
          status: 'Completed',
          secondaryStatus: 'Completed',
          endedAt: ended,
          metrics: { 'validation:accuracy': 0.9667 },
        });
        expect(done).toMatchObject({ status: 'Completed', secondaryStatus: 'Completed' });
        expect(done.startedAt?.toISOString()).toBe(started.toISOString());
        expect(done.endedAt?.toISOString()).toBe(ended.toISOString());
        expect(done.metrics).toEqual({ 'validation:accuracy': 0.9667 });
        expect(done.updatedAt.getTime()).toBeGreaterThanOrEqual(done.createdAt.getTime());

        const failed = await startJob('iris-train-2');
        const f = await db.updateJob(failed.job.sagemakerName, {
          status: 'Failed',
          failureReason: 'AlgorithmError: maxDepth must be > 0',
        });
        expect(f.failureReason).toBe('AlgorithmError: maxDepth must be > 0');
      });

      it('a late non-terminal status never overwrites a terminal one', async () => {
        const { job } = await startJob();
        await db.updateJob(job.sagemakerName, { status: 'Completed', secondaryStatus: 'Completed' });
        const late = await db.updateJob(job.sagemakerName, {
          status: 'InProgress',
          secondaryStatus: 'Uploading',
        });
        expect(late).toMatchObject({ status: 'Completed', secondaryStatus: 'Completed' });
      });

      it('updateJob on an unknown job and bad status values fail without writing', async () => {
        await startJob();
        await expect(db.updateJob('missing-job', { status: 'Completed' })).rejects.toThrow(
          /Job "missing-job" not found/,
        );
        await expect(
          db.upsertJob({
            sagemakerName: 'x',
            jobType: 'Training',
            batch: 'training',
            modelName: 'iris',
            status: 'Done' as never,
          }),
        ).rejects.toThrow(/Invalid status "Done"/);
        expect(await count('jobs')).toBe(1);
      });
    });

    describe('artifacts, model versions, evaluations, inference', () => {
      async function trainedModel() {
        await seedModel();
        const { run } = await db.createPipelineRun({
          runId: 'run-1',
          modelName: 'iris',
          environment: 'local',
        });
        await db.upsertJob({
          sagemakerName: 'iris-train-1',
          jobType: 'Training',
          batch: 'training',
          modelName: 'iris',
          pipelineRunId: run.id,
        });
        await db.upsertJob({
          sagemakerName: 'iris-eval-1',
          jobType: 'Processing',
          batch: 'evaluation',
          modelName: 'iris',
          pipelineRunId: run.id,
        });
        const version = await db.createModelVersion({
          modelName: 'iris',
          artifactUri: 's3://b/iris/models/iris-train-1/output/model.tar.gz',
          trainingJobName: 'iris-train-1',
        });
        return { run, version };
      }

      it('recordArtifact links the producing job and is idempotent by URI', async () => {
        const { run } = await trainedModel();
        const input = {
          uri: 's3://b/iris/models/iris-train-1/output/model.tar.gz',
          kind: 'model' as const,
          modelName: 'iris',
          producedByJob: 'iris-train-1',
          pipelineRunId: run.id,
          metadata: { bytes: 1234 },
        };
        const a = await db.recordArtifact(input);
        const b = await db.recordArtifact(input);
        expect(b.id).toBe(a.id);
        expect(a.producedByJobId).toBe((await db.getJob('iris-train-1'))?.id);
        expect(a.metadata).toEqual({ bytes: 1234 });
        await expect(db.recordArtifact({ ...input, kind: 'predictions' })).rejects.toThrow(DbConflictError);
        expect(await db.listArtifacts({ pipelineRunId: run.id })).toHaveLength(1);
      });

      it('model versions count up per model and are idempotent per artifact', async () => {
        const { version } = await trainedModel();
        expect(version).toMatchObject({
          version: 1,
          approvalStatus: 'PendingManualApproval',
          approvedAt: null,
        });
        const same = await db.createModelVersion({
          modelName: 'iris',
          artifactUri: 's3://b/iris/models/iris-train-1/output/model.tar.gz',
        });
        expect(same.id).toBe(version.id);
        const v2 = await db.createModelVersion({
          modelName: 'iris',
          artifactUri: 's3://b/iris/models/2/model.tar.gz',
        });
        expect(v2.version).toBe(2);
        expect((await db.listModelVersions('iris')).map((v) => v.version)).toEqual([1, 2]);
      });

      it('concurrent model versions for different artifacts get distinct consecutive numbers', async () => {
        await trainedModel();
        const versions = await Promise.all(
          [2, 3, 4, 5].map((i) =>
            db.createModelVersion({ modelName: 'iris', artifactUri: `s3://b/iris/${i}/model.tar.gz` }),
          ),
        );
        expect(versions.map((v) => v.version).sort()).toEqual([2, 3, 4, 5]);
      });

      it('a passing evaluation approves the version; a failing one rejects it', async () => {
        const { run, version } = await trainedModel();
        const pass = await db.recordEvaluation({
          modelVersionId: version.id,
          metrics: { accuracy: 0.9667, f1: 0.96 },
          ...accuracyGate(0.9667, true),
          jobName: 'iris-eval-1',
          pipelineRunId: run.id,
        });
        expect(pass.evaluation).toMatchObject({
          verdict: 'Passed',
          metrics: { accuracy: 0.9667, f1: 0.96 },
          thresholds: [{ metric: 'accuracy', op: '>=', value: 0.9 }],
          checks: [{ metric: 'accuracy', op: '>=', value: 0.9, actual: 0.9667, passed: true }],
        });
        expect(pass.modelVersion.approvalStatus).toBe('Approved');
        expect(pass.modelVersion.approvedAt).toBeInstanceOf(Date);

        const v2 = await db.createModelVersion({
          modelName: 'iris',
          artifactUri: 's3://b/iris/models/2/model.tar.gz',
        });
        const fail = await db.recordEvaluation({
          modelVersionId: v2.id,
          metrics: { accuracy: 0.5 },
          ...accuracyGate(0.5, false),
        });
        expect(fail.evaluation.verdict).toBe('Failed');
        expect(fail.modelVersion).toMatchObject({ approvalStatus: 'Rejected', approvedAt: null });
        // v2 is newer but rejected: the latest *approved* version is still v1.
        expect((await db.latestApprovedModelVersion('iris'))?.id).toBe(version.id);
      });

      it('modelVersionOfRun finds the version trained in that run, null for another run or model', async () => {
        const { version } = await trainedModel();
        expect((await db.modelVersionOfRun('run-1', 'iris'))?.id).toBe(version.id);
        // A version of another run (or with no training job) is not this run's.
        const { run: other } = await db.createPipelineRun({
          runId: 'run-2',
          modelName: 'iris',
          environment: 'local',
        });
        await db.createModelVersion({ modelName: 'iris', artifactUri: 's3://b/iris/untracked/model.tar.gz' });
        expect(await db.modelVersionOfRun('run-2', 'iris')).toBeNull();
        await db.upsertJob({
          sagemakerName: 'iris-train-2',
          jobType: 'Training',
          batch: 'training',
          modelName: 'iris',
          pipelineRunId: other.id,
        });
        expect(await db.modelVersionOfRun('run-2', 'iris')).toBeNull();
        const v3 = await db.createModelVersion({
          modelName: 'iris',
          artifactUri: 's3://b/iris/run-2/model.tar.gz',
          trainingJobName: 'iris-train-2',
        });
        expect((await db.modelVersionOfRun('run-2', 'iris'))?.id).toBe(v3.id);
        expect((await db.modelVersionOfRun('run-1', 'iris'))?.id).toBe(version.id);
        expect(await db.modelVersionOfRun('run-3', 'iris')).toBeNull();
        expect(await db.modelVersionOfRun('run-1', 'ghost')).toBeNull();
      });

      it('latestApprovedModelVersion picks the highest approved version, null when none', async () => {
        const { version } = await trainedModel();
        expect(await db.latestApprovedModelVersion('iris')).toBeNull();
        expect(await db.latestApprovedModelVersion('unknown-model')).toBeNull();
        const v2 = await db.createModelVersion({
          modelName: 'iris',
          artifactUri: 's3://b/iris/models/2/model.tar.gz',
        });
        for (const v of [version, v2]) {
          await db.recordEvaluation({
            modelVersionId: v.id,
            metrics: { accuracy: 0.95 },
            ...accuracyGate(0.95, true),
          });
        }
        expect((await db.latestApprovedModelVersion('iris'))?.version).toBe(2);
      });

      it('records the verdict it is given and never re-decides it (the gate decides)', async () => {
        const { version } = await trainedModel();
        // Every check passed, yet the gate said Failed: the database stores Failed and rejects.
        const r = await db.recordEvaluation({
          modelVersionId: version.id,
          metrics: { rmse: 1.2 },
          checks: [{ metric: 'rmse', op: '<=', value: 5, actual: 1.2, passed: true }],
          verdict: 'Failed',
        });
        expect(r.evaluation.verdict).toBe('Failed');
        expect(r.modelVersion.approvalStatus).toBe('Rejected');
      });

      it('refuses a verdict that is not Passed/Failed, writing nothing', async () => {
        const { version } = await trainedModel();
        await expect(
          db.recordEvaluation({
            modelVersionId: version.id,
            metrics: { accuracy: 1 },
            ...accuracyGate(1, true),
            verdict: 'Maybe' as never,
          }),
        ).rejects.toThrow('Invalid verdict "Maybe"; expected one of Passed, Failed');
        expect(await count('evaluations')).toBe(0);
        expect((await db.getModelVersion(version.id))?.approvalStatus).toBe('PendingManualApproval');
      });

      it('recordEvaluation is idempotent per evaluation job', async () => {
        const { version } = await trainedModel();
        const input = {
          modelVersionId: version.id,
          metrics: { accuracy: 0.97 },
          ...accuracyGate(0.97, true),
          jobName: 'iris-eval-1',
        };
        const a = await db.recordEvaluation(input);
        const b = await db.recordEvaluation({
          ...input,
          metrics: { accuracy: 0.1 },
          ...accuracyGate(0.1, false),
        });
        expect(b.evaluation.id).toBe(a.evaluation.id);
        expect(b.modelVersion.approvalStatus).toBe('Approved');
        expect(await count('evaluations')).toBe(1);
      });

      it('recordEvaluation for an unknown version or job writes nothing (no evaluation, no approval)', async () => {
        const { version } = await trainedModel();
        const gate = accuracyGate(1, true);
        await expect(
          db.recordEvaluation({ modelVersionId: 9999, metrics: { accuracy: 1 }, ...gate }),
        ).rejects.toThrow(/Model version id 9999 not found/);
        await expect(
          db.recordEvaluation({
            modelVersionId: version.id,
            metrics: { accuracy: 1 },
            ...gate,
            jobName: 'nope',
          }),
        ).rejects.toThrow(/Job "nope" not found/);
        expect(await count('evaluations')).toBe(0);
        expect((await db.getModelVersion(version.id))?.approvalStatus).toBe('PendingManualApproval');
      });

      it('recordInferenceRun creates then updates the run for the same job', async () => {
        const { run, version } = await trainedModel();
        await db.upsertJob({
          sagemakerName: 'iris-infer-1',
          jobType: 'Processing',
          batch: 'inference',
          modelName: 'iris',
        });
        const input = {
          modelVersionId: version.id,
          inputUri: 's3://b/iris/inference/input/',
          outputUri: 's3://b/iris/inference/output/',
          jobName: 'iris-infer-1',
          pipelineRunId: run.id,
        };
        const a = await db.recordInferenceRun(input);
        expect(a).toMatchObject({ status: 'InProgress', recordCount: null });
        const b = await db.recordInferenceRun({
          ...input,
          status: 'Completed',
          recordCount: 150,
          endedAt: new Date(),
        });
        expect(b).toMatchObject({ id: a.id, status: 'Completed', recordCount: 150 });
        expect(await db.listInferenceRuns({ pipelineRunId: run.id })).toHaveLength(1);
      });
    });

    describe('step cache', () => {
      const KEY_A = 'a'.repeat(64);
      const KEY_B = 'b'.repeat(64);

      async function job(name: string, runId: string, status: 'Completed' | 'Failed' = 'Completed') {
        const run = (await db.createPipelineRun({ runId, modelName: 'iris', environment: 'local' })).run;
        await db.upsertJob({
          sagemakerName: name,
          batch: 'preprocess',
          jobType: 'Processing',
          modelName: 'iris',
          pipelineRunId: run.id,
          status,
        });
        return run;
      }

      it('finds the newest completed entry of a key and points a reuse at the job that ran', async () => {
        await seedModel();
        await job('r1-pre', 'r1');
        await db.recordStepCache({
          cacheKey: KEY_A,
          jobName: 'r1-pre',
          outputs: { train: 's3://b/r1/train/' },
        });
        expect(await db.findStepCache(KEY_B)).toBeNull();
        const first = await db.findStepCache(KEY_A);
        expect(first?.origin.sagemakerName).toBe('r1-pre');
        expect(first?.entry.outputs).toEqual({ train: 's3://b/r1/train/' });

        const r2 = await job('r2-pre', 'r2');
        await db.recordStepCache({
          cacheKey: KEY_A,
          jobName: 'r2-pre',
          sourceJobName: 'r1-pre',
          outputs: { train: 's3://b/r2/train/' },
        });
        const second = await db.findStepCache(KEY_A);
        // The newest copy of the outputs, still naming the job that really ran.
        expect(second?.entry.outputs).toEqual({ train: 's3://b/r2/train/' });
        expect(second?.origin.sagemakerName).toBe('r1-pre');
        expect(await db.listCachedJobs(r2.id)).toEqual([
          { jobName: 'r2-pre', sourceJobName: 'r1-pre', sourceRunId: 'r1' },
        ]);
      });

      it('ignores entries of jobs that did not complete, and records once per job', async () => {
        await seedModel();
        const r1 = await job('r1-pre', 'r1', 'Failed');
        const a = await db.recordStepCache({ cacheKey: KEY_A, jobName: 'r1-pre', outputs: {} });
        const again = await db.recordStepCache({ cacheKey: KEY_B, jobName: 'r1-pre', outputs: { x: 'y' } });
        expect(again).toEqual(a);
        expect(await count('step_cache')).toBe(1);
        expect(await db.findStepCache(KEY_A)).toBeNull();
        expect(await db.listCachedJobs(r1.id)).toEqual([]);
      });

      it('refuses a malformed key and unknown jobs', async () => {
        await seedModel();
        await job('r1-pre', 'r1');
        await expect(
          db.recordStepCache({ cacheKey: 'short', jobName: 'r1-pre', outputs: {} }),
        ).rejects.toThrow(DbConflictError);
        await expect(db.recordStepCache({ cacheKey: KEY_A, jobName: 'nope', outputs: {} })).rejects.toThrow(
          DbNotFoundError,
        );
        await expect(
          db.recordStepCache({ cacheKey: KEY_A, jobName: 'r1-pre', sourceJobName: 'nope', outputs: {} }),
        ).rejects.toThrow(DbNotFoundError);
        expect(await count('step_cache')).toBe(0);
      });
    });

    describe('report queries', () => {
      it('lists runs newest first and jobs in pipeline order, filtered', async () => {
        await seedModel();
        await db.upsertModel({ name: 'mpg', team: 'team-mpg', task: 'regression' });
        const r1 = (await db.createPipelineRun({ runId: 'r1', modelName: 'iris', environment: 'local' })).run;
        await new Promise((r) => setTimeout(r, 5));
        const r2 = (await db.createPipelineRun({ runId: 'r2', modelName: 'iris', environment: 'local' })).run;
        await db.createPipelineRun({ runId: 'r1', modelName: 'mpg', environment: 'local' });
        for (const [name, batch, jobType] of [
          ['iris-pre', 'preprocess', 'Processing'],
          ['iris-train', 'training', 'Training'],
          ['iris-eval', 'evaluation', 'Processing'],
        ] as const) {
          await db.upsertJob({
            sagemakerName: name,
            batch,
            jobType,
            modelName: 'iris',
            pipelineRunId: r2.id,
          });
        }
        await db.upsertJob({
          sagemakerName: 'mpg-pre',
          batch: 'preprocess',
          jobType: 'Processing',
          modelName: 'mpg',
        });

        expect((await db.listPipelineRuns({ modelName: 'iris' })).map((r) => r.id)).toEqual([r2.id, r1.id]);
        expect(await db.listPipelineRuns({ runId: 'r1' })).toHaveLength(2);
        expect(await db.listPipelineRuns({ limit: 1 })).toHaveLength(1);
        expect(await db.listPipelineRuns({ modelName: 'nope' })).toEqual([]);
        expect((await db.listJobs({ pipelineRunId: r2.id })).map((j) => j.sagemakerName)).toEqual([
          'iris-pre',
          'iris-train',
          'iris-eval',
        ]);
        expect((await db.listJobs({ modelName: 'mpg' })).map((j) => j.sagemakerName)).toEqual(['mpg-pre']);
        expect((await db.listJobs({ batch: 'training' })).map((j) => j.sagemakerName)).toEqual([
          'iris-train',
        ]);
      });
    });
  });
}

/** What the gate (pipeline-core) hands the database for `accuracy >= 0.9`. */
function accuracyGate(actual: number, passed: boolean) {
  return {
    checks: [{ metric: 'accuracy', op: '>=' as const, value: 0.9, actual, passed }],
    verdict: passed ? ('Passed' as const) : ('Failed' as const),
  };
}
