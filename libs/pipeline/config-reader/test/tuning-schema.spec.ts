import { PipelineConfigError, getModelConfig, loadConfig } from '../src';
import { thrown, writeConfig } from './helpers';

const TUNING = ['models', 'iris', 'training', 'tuning'];

const valid = {
  strategy: 'Random',
  maxNumberOfTrainingJobs: 4,
  maxParallelTrainingJobs: 2,
  objective: { metric: 'validation:accuracy', type: 'Maximize' },
  parameterRanges: [
    { name: 'maxDepth', type: 'integer', min: 1, max: 6 },
    { name: 'maxFeatures', type: 'continuous', min: 0.25, max: 1, scaling: 'log' },
    { name: 'criterion', type: 'categorical', values: ['gini', 'entropy'] },
  ],
};

function load(tuning: unknown) {
  const { configDir } = writeConfig([[TUNING, tuning]]);
  return loadConfig({ env: 'local', configDir, processEnv: {} });
}

/** The one-line messages of a refused tuning section, as `path: message`. */
function problems(tuning: unknown): string[] {
  const err = thrown(() => load(tuning)) as unknown as PipelineConfigError;
  expect(err).toBeInstanceOf(PipelineConfigError);
  expect(err.exitCode).toBe(2);
  return err.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('training.tuning', () => {
  it('is optional: the shipped iris trains one job', () => {
    expect(getModelConfig(load(undefined), 'iris').training.tuning).toBeUndefined();
  });

  it('parses a valid section with defaults (scaling auto)', () => {
    const tuning = getModelConfig(load(valid), 'iris').training.tuning;
    expect(tuning?.parameterRanges[0]).toEqual({
      name: 'maxDepth',
      type: 'integer',
      min: 1,
      max: 6,
      scaling: 'auto',
    });
    expect(tuning?.parameterRanges[1]).toMatchObject({ scaling: 'log' });
  });

  it('refuses an objective that is not one of the metric definitions, naming them', () => {
    expect(problems({ ...valid, objective: { metric: 'validation:f1', type: 'Maximize' } })).toEqual([
      'models.iris.training.tuning.objective.metric: must be one of training.metricDefinitions (validation:accuracy), got string "validation:f1"',
    ]);
  });

  it('refuses bad ranges, each with its own line', () => {
    const lines = problems({
      ...valid,
      parameterRanges: [
        { name: 'maxDepth', type: 'integer', min: 6, max: 1 },
        { name: 'maxFeatures', type: 'continuous', min: 0, max: 1, scaling: 'log' },
        { name: 'maxDepth', type: 'categorical', values: ['a'] },
        { name: 'x', type: 'discrete', values: [1] },
      ],
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        'models.iris.training.tuning.parameterRanges[0].min: must be below max 1, got number 6',
        'models.iris.training.tuning.parameterRanges[1].min: log scaling needs min > 0, got number 0',
        expect.stringMatching(
          /parameterRanges\[3\]\.type: expected one of "integer" \| "continuous" \| "categorical", got string "discrete"$/,
        ),
      ]),
    );
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('refuses duplicate names, Random without a trial count, Grid with a numeric range, a Bayesian strategy', () => {
    expect(
      problems({
        ...valid,
        parameterRanges: [valid.parameterRanges[0], valid.parameterRanges[0]],
      }),
    ).toEqual([
      'models.iris.training.tuning.parameterRanges[1].name: has more than one range, got string "maxDepth"',
    ]);
    expect(problems({ ...valid, maxNumberOfTrainingJobs: undefined })).toEqual([
      'models.iris.training.tuning.maxNumberOfTrainingJobs: required for the Random strategy (how many trials)',
    ]);
    expect(problems({ ...valid, strategy: 'Grid', maxNumberOfTrainingJobs: undefined })).toEqual([
      'models.iris.training.tuning.parameterRanges[0].type: the Grid strategy takes categorical ranges only, got string "integer"',
    ]);
    expect(problems({ ...valid, strategy: 'Bayesian' })[0]).toMatch(/tuning\.strategy: .*Random.*Grid/);
  });

  it('refuses unknown keys (typos)', () => {
    expect(problems({ ...valid, maxParallelJobs: 2 })[0]).toMatch(/tuning.*maxParallelJobs/);
  });
});
