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

  it('no completed training job in the run: exit 2 naming the job, no call, no run row', async () => {
    const r = await h.run(['--model', 'iris', '--run-id', 'e1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /No completed training job for run e1 of model iris \(iris-training-e1: not recorded\)/,
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
    expect(r.err).toMatch(/iris-training-e2: Failed\): run pipeline-training first/);
    expect(h.calls).toEqual([]);
  });
});
