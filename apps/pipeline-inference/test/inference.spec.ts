import { existsSync } from 'node:fs';
import { useBatchHarness } from '@mlops/pipeline-core/testing';
import { countCsvRecords, inference } from '../src/inference';

const h = useBatchHarness(inference, { name: 'inference' });

describe('pipeline-inference', () => {
  it('--help documents --input and the refusal', async () => {
    const r = await h.run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--input <s3-uri>.*\(default: the run's test split\)/);
    expect(r.out).toMatch(/Refuses \(exit 2\)\s+when\s+no\s+version\s+is\s+approved/);
  });

  it('unknown model: exit 2, no DB, no call', async () => {
    const r = await h.run(['--model', 'ghost', '--run-id', 'i0']);
    expect(r.code).toBe(2);
    expect(existsSync(h.dbPath)).toBe(false);
    expect(h.calls).toEqual([]);
  });

  it('no approved model version: refuses with exit 2, no job, no run row, no call', async () => {
    // A model with only a rejected and a pending version: neither may be used.
    await h.withDb(async (db) => {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      const v1 = await db.createModelVersion({ modelName: 'iris', artifactUri: 's3://b/v1/model.tar.gz' });
      await db.recordEvaluation({
        modelVersionId: v1.id,
        metrics: { accuracy: 0.5 },
        checks: [{ metric: 'accuracy', op: '>=', value: 0.9, actual: 0.5, passed: false }],
        verdict: 'Failed',
      });
      await db.createModelVersion({ modelName: 'iris', artifactUri: 's3://b/v2/model.tar.gz' });
    });
    const r = await h.run(['--model', 'iris', '--run-id', 'i1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No approved version of model "iris": run pipeline-evaluation first/);
    expect(h.calls).toEqual([]);
    await h.withDb(async (db) => {
      expect(await db.listPipelineRuns()).toEqual([]);
      expect(await db.listJobs()).toEqual([]);
      expect(await db.listInferenceRuns()).toEqual([]);
    });
  });

  it('an invalid --input is refused before any call, even with an approved model', async () => {
    await h.withDb(async (db) => {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      const v = await db.createModelVersion({ modelName: 'iris', artifactUri: 's3://b/v1/model.tar.gz' });
      await db.recordEvaluation({
        modelVersionId: v.id,
        metrics: { accuracy: 0.95 },
        checks: [{ metric: 'accuracy', op: '>=', value: 0.9, actual: 0.95, passed: true }],
        verdict: 'Passed',
      });
    });
    const r = await h.run(['--model', 'iris', '--run-id', 'i2', '--input', 'ftp://elsewhere/data.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CreateProcessingJob request is invalid/);
    expect(r.err).toContain('ftp://elsewhere/data.csv');
    expect(h.calls).toEqual([]);
  });
});

describe('countCsvRecords', () => {
  it('counts data rows after the header, ignoring blank lines', () => {
    expect(countCsvRecords('id,pred\n1,a\n2,b\n\n')).toBe(2);
    expect(countCsvRecords('id,pred\r\n1,a\r\n')).toBe(1);
    expect(countCsvRecords('')).toBe(0);
  });
});
