import { parseThreshold } from '@mlops/config-reader';
import type { Threshold } from '@mlops/contract';
import type { DbAdapter } from '@mlops/db';
import { applyEvaluationGate, extractMetrics, formatChecks, InputError } from '../src';
import { tempDb } from '../testing';

describe('extractMetrics', () => {
  it('takes numeric leaves at the top level and one level down, ignoring arrays', () => {
    const json = {
      task: 'classification',
      accuracy: 0.95,
      metrics: { macro_f1: 0.94, accuracy: 0.1 },
      confusionMatrix: [
        [1, 0],
        [0, 1],
      ],
      n: 24,
    };
    expect(extractMetrics(json, 'e.json')).toEqual({ accuracy: 0.95, macro_f1: 0.94, n: 24 });
  });

  it('rejects a report that is not an object, naming the source', () => {
    expect(() => extractMetrics([1, 2], 's3://b/e.json')).toThrow(InputError);
    expect(() => extractMetrics(null, 's3://b/e.json')).toThrow(/s3:\/\/b\/e.json: expected a JSON object/);
  });
});

describe('applyEvaluationGate (real SQLite)', () => {
  let env: Awaited<ReturnType<typeof tempDb>>;
  let db: DbAdapter;
  const thresholds = ['rmse <= 5.0', 'r2 >= 0.5'].map((t) => parseThreshold(t) as Threshold);

  beforeEach(async () => {
    env = await tempDb();
    db = env.db;
    await db.upsertModel({ name: 'm', team: 't', task: 'regression' });
  });
  afterEach(() => env.dispose());

  async function gate(metrics: Record<string, number>, job: string) {
    const { run } = await db.createPipelineRun({ runId: job, modelName: 'm', environment: 'test' });
    await db.upsertJob({
      sagemakerName: job,
      jobType: 'Processing',
      batch: 'evaluation',
      modelName: 'm',
      pipelineRunId: run.id,
    });
    const version = await db.createModelVersion({
      modelName: 'm',
      artifactUri: `s3://b/${job}/model.tar.gz`,
    });
    return applyEvaluationGate(db, {
      modelVersionId: version.id,
      metrics,
      thresholds,
      jobName: job,
      pipelineRunId: run.id,
    });
  }

  it('approves when every threshold passes', async () => {
    const result = await gate({ rmse: 3.1, r2: 0.8 }, 'j1');
    expect(result.approved).toBe(true);
    expect(result.modelVersion.approvalStatus).toBe('Approved');
    expect((await db.latestApprovedModelVersion('m'))?.id).toBe(result.modelVersion.id);
    expect(formatChecks(result.evaluation)).toEqual(['rmse 3.1 <= 5 pass', 'r2 0.8 >= 0.5 pass']);
  });

  it('rejects when one threshold fails or a metric is missing', async () => {
    const failed = await gate({ rmse: 6, r2: 0.8 }, 'j2');
    expect(failed.approved).toBe(false);
    expect(failed.modelVersion.approvalStatus).toBe('Rejected');
    const missing = await gate({ rmse: 1 }, 'j3');
    expect(missing.approved).toBe(false);
    expect(formatChecks(missing.evaluation)).toContain('r2 (missing) >= 0.5 FAIL');
    expect(await db.latestApprovedModelVersion('m')).toBeNull();
  });

  it('is idempotent per evaluation job (a rerun returns the stored verdict)', async () => {
    const first = await gate({ rmse: 1, r2: 0.9 }, 'j4');
    const again = await applyEvaluationGate(db, {
      modelVersionId: first.modelVersion.id,
      metrics: { rmse: 99, r2: 0 },
      thresholds,
      jobName: 'j4',
      pipelineRunId: first.evaluation.pipelineRunId as number,
    });
    expect(again.approved).toBe(true);
    expect(again.evaluation.id).toBe(first.evaluation.id);
    expect(await db.listEvaluations()).toHaveLength(1);
  });
});
