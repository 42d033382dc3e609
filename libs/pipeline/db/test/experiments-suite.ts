import { DbAdapter, DbNotFoundError, openDatabase } from '../src';
import type { TestDb } from './db-suite';

/** Tuning trials and metric series, held to the same assertions on SQLite and PostgreSQL. */
export function experimentsSuite(label: string, makeDb: () => Promise<TestDb>): void {
  describe(`experiment records on ${label}`, () => {
    let testDb: TestDb;
    let db: DbAdapter;
    let runId: number;

    beforeEach(async () => {
      testDb = await makeDb();
      db = await openDatabase(testDb.config);
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      runId = (await db.createPipelineRun({ runId: 'r1', modelName: 'iris', environment: 'local' })).run.id;
    });

    afterEach(async () => {
      await db?.close();
      await testDb?.cleanup();
    });

    async function trialJob(name: string, status: 'Completed' | 'Failed', accuracy?: number) {
      await db.upsertJob({
        sagemakerName: name,
        jobType: 'Training',
        batch: 'training',
        modelName: 'iris',
        pipelineRunId: runId,
      });
      await db.updateJob(name, { status, metrics: accuracy === undefined ? null : { accuracy } });
    }

    it('records every trial with its hyperparameters and objective; a rerun updates, never duplicates', async () => {
      await trialJob('iris-tune-r1-001-aaaaaaaa', 'Completed', 0.9);
      await trialJob('iris-tune-r1-002-bbbbbbbb', 'Failed');
      await db.recordTuningTrial({
        jobName: 'iris-tune-r1-001-aaaaaaaa',
        tuningJobName: 'iris-tune-r1',
        hyperparameters: { maxDepth: '3' },
        objectiveMetric: 'validation:accuracy',
      });
      await db.recordTuningTrial({
        jobName: 'iris-tune-r1-001-aaaaaaaa',
        tuningJobName: 'iris-tune-r1',
        hyperparameters: { maxDepth: '3' },
        objectiveMetric: 'validation:accuracy',
        objectiveValue: 0.9,
        best: true,
      });
      await db.recordTuningTrial({
        jobName: 'iris-tune-r1-002-bbbbbbbb',
        tuningJobName: 'iris-tune-r1',
        hyperparameters: { maxDepth: '9' },
        objectiveMetric: 'validation:accuracy',
      });
      const trials = await db.listTuningTrials({ pipelineRunId: runId });
      expect(trials.map((t) => [t.hyperparameters.maxDepth, t.objectiveValue, t.best])).toEqual([
        ['3', 0.9, true],
        ['9', null, false],
      ]);
      expect(await db.listTuningTrials({ tuningJobName: 'other' })).toEqual([]);
    });

    it('refuses a trial whose job is not recorded', async () => {
      await expect(
        db.recordTuningTrial({
          jobName: 'missing',
          tuningJobName: 't',
          hyperparameters: {},
          objectiveMetric: 'm',
        }),
      ).rejects.toThrow(DbNotFoundError);
    });

    it('stores a job metric series, replacing it on rerun, in step order', async () => {
      await trialJob('iris-training-r1', 'Completed', 0.9);
      const job = await db.getJob('iris-training-r1');
      const t = Date.UTC(2026, 11, 3, 12);
      const series = [2, 0, 1].map((step) => ({
        metric: 'validation:accuracy',
        step,
        value: 0.5 + step / 10,
        timestamp: t + step,
      }));
      expect(await db.replaceMetricSeries('iris-training-r1', series)).toBe(3);
      expect(await db.replaceMetricSeries('iris-training-r1', series)).toBe(3);
      const points = await db.listMetricPoints([job!.id]);
      expect(points.map((p) => [p.step, p.value])).toEqual([
        [0, 0.5],
        [1, 0.6],
        [2, 0.7],
      ]);
      expect(points[2].timestamp.getTime()).toBe(t + 2);
      await expect(
        db.replaceMetricSeries('iris-training-r1', [
          { metric: 'm', step: 0, value: Number.NaN, timestamp: t },
        ]),
      ).rejects.toThrow(/finite value/);
      expect(await db.listMetricPoints([job!.id])).toHaveLength(3);
    });
  });
}
