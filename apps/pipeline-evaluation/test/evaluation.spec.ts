import { existsSync } from 'node:fs';
import { useBatchHarness } from '@mlops/pipeline-core/testing';
import { evaluation } from '../src/evaluation';

const h = useBatchHarness(evaluation, { name: 'evaluation' });

describe('pipeline-evaluation', () => {
  it('--help explains the gate', async () => {
    const r = await h.run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: pipeline-evaluation/);
    expect(r.out).toMatch(/the\s+model\s+version\s+becomes\s+Approved\s+or\s+Rejected/);
  });

  it('unknown model: exit 2, no DB, no call', async () => {
    const r = await h.run(['--model', 'ghost', '--run-id', 'e0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown model "ghost"/);
    expect(existsSync(h.dbPath)).toBe(false);
    expect(h.calls).toEqual([]);
  });

  it('no model version trained in the run: exit 2 naming run and model, no call, no run row', async () => {
    const r = await h.run(['--model', 'iris', '--run-id', 'e1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /No model version trained in run e1 of model iris: run pipeline-training for this run first/,
    );
    expect(h.calls).toEqual([]);
    expect(await h.withDb((db) => db.listPipelineRuns())).toEqual([]);
  });

  it('a training job that failed is not evaluated (exit 2)', async () => {
    await h.withDb(async (db) => {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      const { run: row } = await db.createPipelineRun({
        runId: 'e2',
        modelName: 'iris',
        environment: 'local',
      });
      await db.upsertJob({
        sagemakerName: 'iris-training-e2',
        jobType: 'Training',
        batch: 'training',
        modelName: 'iris',
        pipelineRunId: row.id,
      });
      await db.updateJob('iris-training-e2', { status: 'Failed', failureReason: 'AlgorithmError' });
    });
    const r = await h.run(['--model', 'iris', '--run-id', 'e2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No model version trained in run e2 of model iris/);
    expect(h.calls).toEqual([]);
  });

  it("another run's model version is not evaluated (exit 2): only what training recorded for this run", async () => {
    await h.withDb(async (db) => {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      const { run } = await db.createPipelineRun({ runId: 'e3', modelName: 'iris', environment: 'local' });
      await db.upsertJob({
        sagemakerName: 'iris-training-e3',
        jobType: 'Training',
        batch: 'training',
        modelName: 'iris',
        pipelineRunId: run.id,
        status: 'Completed',
      });
      await db.createModelVersion({
        modelName: 'iris',
        artifactUri: 's3://mlops-local/iris/e3/models/iris-training-e3/output/model.tar.gz',
        trainingJobName: 'iris-training-e3',
      });
    });
    const r = await h.run(['--model', 'iris', '--run-id', 'e4']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No model version trained in run e4 of model iris/);
    expect(h.calls).toEqual([]);
  });
});
