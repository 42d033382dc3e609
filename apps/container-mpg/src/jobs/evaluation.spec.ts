import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProcessingEnv } from '@mlops/sagemaker-toolkit';
import { makeProcessingTree, useInProcessJobs, writeInto } from '@mlops/ml-kit/testing';
import { MODEL_FORMAT, serializeModel } from '../utils/model';
import { evaluationJob } from './evaluation';
import { inferenceJob } from './inference';

const FEATURES = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year'];
// mpg = 30 - 0.01 * (Weight - 3000): only the weight matters.
const modelJson = serializeModel({
  format: MODEL_FORMAT,
  version: 1,
  features: FEATURES,
  target: 'Miles_per_Gallon',
  standardization: { mean: [0, 0, 0, 3000, 0, 0], std: [1, 1, 1, 100, 1, 1] },
  weights: [0, 0, 0, -1, 0, 0],
  bias: 30,
  hyperparameters: {},
  epochs: 1,
  metrics: {},
});
const HEADER = `${FEATURES.join(',')},Miles_per_Gallon`;

describe('evaluationJob / inferenceJob (in process)', () => {
  const jobs = useInProcessJobs();
  const tree = (inputs: string[], outputs: string[]) => jobs.track(makeProcessingTree(inputs, outputs));

  it('evaluation: RMSE, MAE and R² of a known case, plus the plot', () => {
    const t = tree(['model', 'test'], ['evaluation']);
    writeInto(t.inputs.model, { 'model.json': modelJson });
    // predictions 30, 20, 40 vs actual 31, 20, 37 → errors 1, 0, -3.
    writeInto(t.inputs.test, {
      'test.csv': `${HEADER}\n4,1,1,3000,1,1970,31\n4,1,1,4000,1,1970,20\n4,1,1,2000,1,1970,37\n`,
    });
    const report = evaluationJob(loadProcessingEnv({ baseDir: t.base }));
    expect(report.metrics.rmse).toBeCloseTo(Math.sqrt(10 / 3), 12);
    expect(report.metrics.mae).toBeCloseTo(4 / 3, 12);
    // mean 29.33.. → SS_tot = 2.777.. + 87.11.. + 58.77.. = 148.666..
    expect(report.metrics.r2).toBeCloseTo(1 - 10 / 148.66666666666666, 10);
    expect(JSON.parse(fs.readFileSync(path.join(t.outputs.evaluation, 'evaluation.json'), 'utf8'))).toEqual(
      report,
    );
    expect(
      fs.readFileSync(path.join(t.outputs.evaluation, 'evaluation.svg'), 'utf8').match(/class="point"/g),
    ).toHaveLength(3);
  });

  it('evaluation: an iris model fails naming the file, nothing written', () => {
    const t = tree(['model', 'test'], ['evaluation']);
    writeInto(t.inputs.model, { 'model.json': JSON.stringify({ format: 'mlops.iris.random-forest' }) });
    writeInto(t.inputs.test, { 'test.csv': `${HEADER}\n4,1,1,3000,1,1970,31\n` });
    expect(() => evaluationJob(loadProcessingEnv({ baseDir: t.base }))).toThrow(
      /model\.json: "format" must be "mlops\.mpg\.ridge-regression"/,
    );
    expect(fs.readdirSync(t.outputs.evaluation)).toEqual([]);
  });

  it('inference: appends the prediction to the input rows (other columns kept)', () => {
    const t = tree(['model', 'data'], ['predictions']);
    writeInto(t.inputs.model, { 'model.json': modelJson });
    const h = `Name,${FEATURES.join(',')}`;
    writeInto(t.inputs.data, { 'cars.csv': `${h}\n"car, one",4,1,1,3500,1,1970\n` });
    const r = inferenceJob(loadProcessingEnv({ baseDir: t.base }));
    expect(fs.readFileSync(r.predictionsFile, 'utf8')).toBe(
      `${h},predicted_Miles_per_Gallon\n"car, one",4,1,1,3500,1,1970,25.0000\n`,
    );
  });

  it('inference: a row with a missing feature keeps its place with an empty prediction', () => {
    const t = tree(['model', 'data'], ['predictions']);
    writeInto(t.inputs.model, { 'model.json': modelJson });
    writeInto(t.inputs.data, { 'cars.csv': `${FEATURES.join(',')}\n4,1,,3500,1,1970\n4,1,1,3000,1,1970\n` });
    const r = inferenceJob(loadProcessingEnv({ baseDir: t.base }));
    expect(r).toMatchObject({ rows: 2, skipped: 1 });
    expect(fs.readFileSync(r.predictionsFile, 'utf8')).toBe(
      `${FEATURES.join(',')},predicted_Miles_per_Gallon\n4,1,,3500,1,1970,\n4,1,1,3000,1,1970,30.0000\n`,
    );
  });

  it('inference: a non-numeric feature fails naming line and column, nothing written', () => {
    const t = tree(['model', 'data'], ['predictions']);
    writeInto(t.inputs.model, { 'model.json': modelJson });
    writeInto(t.inputs.data, { 'cars.csv': `${FEATURES.join(',')}\n4,1,fast,3500,1,1970\n` });
    expect(() => inferenceJob(loadProcessingEnv({ baseDir: t.base }))).toThrow(
      /cars\.csv: line 2, column "Horsepower": "fast" is not a number/,
    );
    expect(fs.readdirSync(t.outputs.predictions)).toEqual([]);
  });
});
