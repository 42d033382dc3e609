import { existsSync } from 'node:fs';
import { useBatchHarness } from '@mlops/pipeline-core/testing';
import { preprocess } from '../src/preprocess';

const h = useBatchHarness(preprocess, { name: 'preprocess', s3Bucket: 'mlops-local' });

describe('pipeline-preprocess', () => {
  it('--help prints usage and exit codes', async () => {
    const r = await h.run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: pipeline-preprocess \(--model <name> \| --all-models\) --run-id <id>/);
    expect(r.out).toMatch(/preprocess\s+ProcessingJob/);
  });

  it('unknown model: exit 2, no DB, no job', async () => {
    const r = await h.run(['--model', 'ghost', '--run-id', 'p1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown model "ghost"/);
    expect(existsSync(h.dbPath)).toBe(false);
    expect(h.calls).toEqual([]);
  });

  it('no raw data for the run: exit 2 pointing at collection, no job and no run row', async () => {
    const r = await h.run(['--model', 'iris', '--run-id', 'p2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No raw data at s3:\/\/mlops-local\/iris\/p2\/raw\/: run pipeline-collection/);
    expect(h.calls).toEqual([]);
    await h.withDb(async (db) => {
      expect(await db.listPipelineRuns()).toEqual([]);
      expect(await db.listJobs()).toEqual([]);
    });
  });
});
