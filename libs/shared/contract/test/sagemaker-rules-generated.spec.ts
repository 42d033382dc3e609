import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAGEMAKER_MODEL_COMMIT, SAGEMAKER_RULES } from '../src';

const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'generate-sagemaker-rules.mjs');
const SLICE = join(ROOT, 'model', 'sagemaker-2017-07-24.slice.json');
const TABLE = join(ROOT, 'src', 'sagemaker', 'rules.generated.json');
/** The traits the table is built from; anything else in the slice would be more than facts. */
const FACT_TRAIT = /^smithy\.api#(required|length|range|pattern|enumValue)$/;

describe('SageMaker rule table generated from the official model', () => {
  it('regenerates from the committed model slice to exactly the committed table', () => {
    const regenerated = execFileSync(process.execPath, [SCRIPT, '--stdout'], { encoding: 'utf8' });
    expect(regenerated).toBe(readFileSync(TABLE, 'utf8'));
  });

  it('carries the model commit in the slice, the table and the generator', () => {
    const slice = JSON.parse(readFileSync(SLICE, 'utf8'));
    expect(SAGEMAKER_MODEL_COMMIT).toMatch(/^[0-9a-f]{40}$/);
    expect(slice.metadata.modelCommit).toBe(SAGEMAKER_MODEL_COMMIT);
    expect(SAGEMAKER_RULES.generator).toBe('libs/shared/contract/scripts/generate-sagemaker-rules.mjs');
  });

  it('keeps only facts in the slice (no documentation or other traits)', () => {
    const slice = JSON.parse(readFileSync(SLICE, 'utf8')) as {
      shapes: Record<string, { traits?: object; members?: Record<string, { traits?: object }> }>;
    };
    const traits = new Set<string>();
    for (const shape of Object.values(slice.shapes)) {
      Object.keys(shape.traits ?? {}).forEach((t) => traits.add(t));
      for (const m of Object.values(shape.members ?? {}))
        Object.keys(m.traits ?? {}).forEach((t) => traits.add(t));
    }
    expect([...traits].filter((t) => !FACT_TRAIT.test(t))).toEqual([]);
    expect(readFileSync(SLICE, 'utf8')).not.toContain('documentation');
  });

  it('covers the job operations the project calls or serves, tuning included, with their inputs', () => {
    const ops = SAGEMAKER_RULES.operations;
    for (const kind of ['Training', 'Processing', 'HyperParameterTuning'])
      for (const verb of ['Create', 'Describe', 'Stop'])
        expect(SAGEMAKER_RULES.shapes[ops[`${verb}${kind}Job`]]?.type).toBe('structure');
    expect(ops.ListTrainingJobsForHyperParameterTuningJob).toBe(
      'ListTrainingJobsForHyperParameterTuningJobRequest',
    );
  });
});
