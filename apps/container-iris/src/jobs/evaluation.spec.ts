import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProcessingEnv } from '@mlops/sagemaker-toolkit';
import { makeProcessingTree, useInProcessJobs, writeInto } from '@mlops/ml-kit/testing';
import { trainRound } from '../utils/forest';
import { MODEL_FORMAT, serializeModel } from '../utils/model';
import { evaluationJob } from './evaluation';
import { inferenceJob } from './inference';

// A tiny model on synthetic data: class "small" when petal_length < 2.5, else "large".
const X = Array.from({ length: 40 }, (_, i) => [5, 3, i < 20 ? 1 + i * 0.02 : 4 + i * 0.05, 1]);
const y = X.map((_, i) => (i < 20 ? 0 : 1));
const params = { nEstimators: 5, treesPerRound: 5, maxDepth: 3, minNumSamples: 2, maxFeatures: 1, seed: 3 };
const modelJson = serializeModel({
  format: MODEL_FORMAT,
  version: 1,
  features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
  target: 'species',
  classes: ['small', 'large'],
  params,
  rounds: [trainRound(X, y, params, 0)],
  metrics: {},
});
const HEADER = 'sepal_length,sepal_width,petal_length,petal_width,species';

describe('evaluationJob / inferenceJob (in process)', () => {
  const jobs = useInProcessJobs();
  const tree = (inputs: string[], outputs: string[]) => jobs.track(makeProcessingTree(inputs, outputs));

  it('evaluation: accuracy, macro F1 and confusion matrix of a known case', () => {
    const t = tree(['model', 'test'], ['evaluation']);
    writeInto(t.inputs.model, { 'model.json': modelJson });
    // 3 small (one mislabelled as large), 2 large → predicted small, small, small, large, large.
    writeInto(t.inputs.test, {
      'test.csv': `${HEADER}\n5,3,1.1,1,small\n5,3,1.2,1,small\n5,3,1.3,1,large\n5,3,5.5,1,large\n5,3,6,1,large\n`,
    });
    const report = evaluationJob(loadProcessingEnv({ baseDir: t.base }));
    expect(report.metrics.accuracy).toBeCloseTo(0.8, 12);
    expect(report.confusion_matrix).toEqual({
      labels: ['small', 'large'],
      matrix: [
        [2, 0],
        [1, 2],
      ],
    });
    // small: P 2/3 R 1 → 0.8; large: P 1 R 2/3 → 0.8.
    expect(report.metrics.macro_f1).toBeCloseTo(0.8, 12);
    const onDisk = JSON.parse(fs.readFileSync(path.join(t.outputs.evaluation, 'evaluation.json'), 'utf8'));
    expect(onDisk).toEqual(report);
    expect(fs.readFileSync(path.join(t.outputs.evaluation, 'evaluation.svg'), 'utf8')).toContain(
      'data-count="2"',
    );
  });

  it('evaluation: a model of another kind fails naming the file', () => {
    const t = tree(['model', 'test'], ['evaluation']);
    writeInto(t.inputs.model, { 'model.json': JSON.stringify({ format: 'mlops.mpg.ridge-regression' }) });
    writeInto(t.inputs.test, { 'test.csv': `${HEADER}\n5,3,1.1,1,small\n` });
    expect(() => evaluationJob(loadProcessingEnv({ baseDir: t.base }))).toThrow(
      /model\.json: "format" must be "mlops\.iris\.random-forest"/,
    );
    expect(fs.readdirSync(t.outputs.evaluation)).toEqual([]);
  });

  it('inference: keeps the input columns and appends prediction + confidence, over several files', () => {
    const t = tree(['model', 'data'], ['predictions']);
    writeInto(t.inputs.model, { 'model.json': modelJson });
    const h = 'id,sepal_length,sepal_width,petal_length,petal_width';
    writeInto(t.inputs.data, { 'a.csv': `${h}\nr1,5,3,1.1,1\n`, 'b.csv': `${h}\nr2,5,3,6,1\n` });
    const r = inferenceJob(loadProcessingEnv({ baseDir: t.base }));
    expect(r).toMatchObject({ rows: 2, files: ['a.csv', 'b.csv'] });
    expect(fs.readFileSync(r.predictionsFile, 'utf8')).toBe(
      `${h},predicted_species,confidence\nr1,5,3,1.1,1,small,1\nr2,5,3,6,1,large,1\n`,
    );
  });

  it('inference: refuses files with different headers and a missing feature', () => {
    const t = tree(['model', 'data'], ['predictions']);
    writeInto(t.inputs.model, { 'model.json': modelJson });
    writeInto(t.inputs.data, {
      'a.csv': 'sepal_length,sepal_width,petal_length,petal_width\n5,3,1,1\n',
      'b.csv': 'sepal_length,sepal_width,petal_length\n5,3,1\n',
    });
    expect(() => inferenceJob(loadProcessingEnv({ baseDir: t.base }))).toThrow(
      /b\.csv: header sepal_length,sepal_width,petal_length differs from a\.csv's/,
    );
    fs.rmSync(path.join(t.inputs.data, 'a.csv'));
    expect(() => inferenceJob(loadProcessingEnv({ baseDir: t.base }))).toThrow(
      /b\.csv: missing column "petal_width"/,
    );
    expect(fs.readdirSync(t.outputs.predictions)).toEqual([]);
  });
});
