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

const IMAGE = 'container-iris:latest';
const jobs = useImageJobs(app, IMAGE);
const read = (f: string) => fs.readFileSync(f, 'utf8');

describe('container-iris image', () => {
  let splits: Splits;
  let modelDir: string;

  it('holds only the bundle', () => expectBundleOnlyImage(IMAGE));

  it('runs preprocess as a processing job', async () => {
    const p = await jobs.preprocess();
    expect(p.code).toBe(0);
    splits = p.splits;
    expect(JSON.parse(read(splits.stats)).rows.train).toBe(102);
  });

  it('`docker run IMAGE train` trains and writes the success file and model.json', async () => {
    const t = jobs.trainingTree(splits, { nEstimators: 30, maxDepth: 5, seed: 42 });
    const r = await jobs.train(t);
    expect(r.stderr).not.toContain('FAILURE');
    expect(r.code).toBe(0);
    expect(fs.existsSync(t.successFile)).toBe(true);
    expect(metricValues(r.stdout, 'validation:accuracy').pop()).toBeGreaterThanOrEqual(0.9);
    modelDir = t.modelDir;
  });

  it('`docker stop` checkpoints; a new job with the checkpoint resumes', async () => {
    const t = jobs.trainingTree(splits, { nEstimators: 5000, treesPerRound: 5, seed: 1 });
    const r = await jobs.train(t, { stopWhen: /step=1\b/ });
    expect(r.stopped).toBe(true);
    expect(r.code).toBe(1);
    expect(read(t.failureFile)).toMatch(/^JobStoppedError: training stopped after \d+\/1000 rounds/);
    const checkpoint = path.join(t.checkpointDir, 'iris-forest.json');
    const done = JSON.parse(read(checkpoint)).rounds.length as number;
    expect(done).toBeGreaterThanOrEqual(2);

    const resumed = await jobs.resume(checkpoint, splits, {
      nEstimators: (done + 1) * 5,
      treesPerRound: 5,
      seed: 1,
    });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`at round ${done}/${done + 1}`);
  });

  it('evaluation and inference run as processing jobs', async () => {
    const e = await jobs.evaluate(modelDir, splits.test);
    expect(e.code).toBe(0);
    expect(e.report.metrics.accuracy).toBeGreaterThanOrEqual(0.9);

    const i = await jobs.infer(path.join(modelDir, 'model.json'), { copy: { 'test.csv': splits.test } });
    expect(i.code).toBe(0);
    expect(i.lines).toHaveLength(25);
  });

  it('corrupt raw data fails the processing job with output/message', async () => {
    await expectPreprocessRejects(
      jobs,
      'sepal_length,sepal_width,petal_length,petal_width,species\n1,2,x,4,setosa\n',
      'DataError: /opt/ml/processing/input/raw/iris.csv: line 2, column "petal_length": "x" is not a number',
    );
  });

  it('leaves no containers behind', () => {
    expect(containersNamed(jobs.prefix)).toEqual([]);
  });
});
