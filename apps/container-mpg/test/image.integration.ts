/**
 * The built image under real Docker, as SageMaker runs it: `docker run IMAGE train` for training,
 * ContainerEntrypoint ["node", "main.js"] + ContainerArguments [job] for processing, /opt/ml mounted;
 * `docker stop` (SIGTERM via tini) checkpoints and the next run resumes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  containersNamed,
  expectBundleOnlyImage,
  expectPreprocessRejects,
  metricValues,
  Splits,
  useImageJobs,
} from '@mlops/ml-kit/testing';
import { app } from './support/app';

jest.setTimeout(300_000);

const IMAGE = 'container-mpg:latest';
const jobs = useImageJobs(app, IMAGE);
const read = (f: string) => fs.readFileSync(f, 'utf8');

describe('container-mpg image', () => {
  let splits: Splits;
  let modelDir: string;

  it('holds only the bundle', () => expectBundleOnlyImage(IMAGE));

  it('runs preprocess as a processing job', async () => {
    const p = await jobs.preprocess({ environment: { SPLIT_SEED: '42' } });
    expect(p.code).toBe(0);
    splits = p.splits;
    expect(JSON.parse(read(splits.stats)).rows).toEqual({
      raw: 406,
      dropped: 14,
      train: 274,
      validation: 59,
      test: 59,
    });
  });

  it('`docker run IMAGE train` trains and writes the success file and model.json', async () => {
    const t = jobs.trainingTree(splits, { learningRate: 0.05, epochs: 200, l2: 0.001, seed: 42 });
    const r = await jobs.train(t);
    expect(r.stderr).not.toContain('FAILURE');
    expect(r.code).toBe(0);
    expect(fs.existsSync(t.successFile)).toBe(true);
    expect(metricValues(r.stdout, 'validation:r2').pop()).toBeGreaterThanOrEqual(0.7);
    modelDir = t.modelDir;
  });

  it('`docker stop` checkpoints; a new job with the checkpoint resumes', async () => {
    const hps = { learningRate: 0.01, epochs: 5_000_000, l2: 0.01, seed: 3, logEvery: 5 };
    const t = jobs.trainingTree(splits, hps);
    const r = await jobs.train(t, { stopWhen: /step=10\b/ });
    expect(r.stopped).toBe(true);
    expect(r.code).toBe(1);
    expect(read(t.failureFile)).toMatch(/^JobStoppedError: training stopped after \d+\/5000000 epochs/);
    const checkpoint = path.join(t.checkpointDir, 'mpg-ridge.json');
    const done = JSON.parse(read(checkpoint)).epoch as number;
    expect(done).toBeGreaterThanOrEqual(10);

    const resumed = await jobs.resume(checkpoint, splits, { ...hps, epochs: done + 3 });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`at epoch ${done}/${done + 3}`);
  });

  it('evaluation (model.tar.gz) and inference run as processing jobs', async () => {
    const e = await jobs.evaluate(modelDir, splits.test, { archive: true });
    expect(e.code).toBe(0);
    expect(e.report.metrics.r2).toBeGreaterThanOrEqual(0.7);

    // The raw file itself: Name/Origin kept, empty Miles_per_Gallon ignored, the 6 rows without
    // Horsepower keep their place with an empty prediction.
    const i = await jobs.infer(path.join(modelDir, 'model.json'), { copy: { 'cars.csv': app.RAW_CSV } });
    expect(i.code).toBe(0);
    expect(i.lines[0]).toBe(
      'Name,Miles_per_Gallon,Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Origin,predicted_Miles_per_Gallon',
    );
    expect(i.lines).toHaveLength(407);
    expect(i.lines.filter((l) => l.endsWith(','))).toHaveLength(6);
  });

  it('corrupt raw data fails the processing job with output/message', async () => {
    await expectPreprocessRejects(
      jobs,
      'Miles_per_Gallon,Cylinders\n18,8\n',
      'DataError: /opt/ml/processing/input/raw/cars.csv: missing column "Displacement" (header: Miles_per_Gallon,Cylinders)',
    );
  });

  it('leaves no containers behind', () => {
    expect(containersNamed(jobs.prefix)).toEqual([]);
  });
});
