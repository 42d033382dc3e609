/**
 * The built image under real Docker, as SageMaker runs it: `docker run IMAGE train` for training,
 * ContainerEntrypoint ["node", "main.js"] + ContainerArguments [job] for processing, /opt/ml mounted;
 * `docker stop` (SIGTERM via tini) checkpoints and the next run resumes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { containersNamed, dockerRemove, dockerRun, dockerStop, requireImage } from './support/docker';
import {
  copyInto,
  makeProcessingTree,
  makeTrainingTree,
  metricValues,
  RAW_CSV,
  removeDir,
  writeInto,
} from './support/opt-ml';

jest.setTimeout(300_000);

const IMAGE = 'container-iris:latest';
const PROCESSING = { entrypoint: ['node', 'main.js'] };
const prefix = `iris-it-${process.pid}`;
const bases: string[] = [];
const track = <T extends { base: string }>(t: T): T => (bases.push(t.base), t);
const read = (f: string) => fs.readFileSync(f, 'utf8');

beforeAll(() => requireImage(IMAGE));
afterAll(() => {
  containersNamed(prefix).forEach(dockerRemove);
  bases.forEach(removeDir);
});

describe('container-iris image', () => {
  let splits: Record<string, string>;
  let modelDir: string;

  it('holds only the bundle and runs preprocess as a processing job', async () => {
    const ls = await dockerRun(
      IMAGE,
      '/tmp',
      ['-c', 'ls -A /opt/program /opt/program/jobs; echo "$SAGEMAKER_PROGRAM"'],
      { entrypoint: ['sh'] },
    );
    expect(ls.stdout).toBe(
      '/opt/program:\njobs\nmain.js\n\n/opt/program/jobs:\nevaluation.js\ninference.js\npreprocess.js\ntraining.js\n/opt/program/jobs/training.js\n',
    );

    const p = track(makeProcessingTree(['raw'], ['train', 'validation', 'test', 'stats']));
    copyInto(p.inputs.raw, { 'iris.csv': RAW_CSV });
    const r = await dockerRun(IMAGE, p.base, ['preprocess'], PROCESSING);
    expect(r.code).toBe(0);
    splits = {
      train: path.join(p.outputs.train, 'train.csv'),
      validation: path.join(p.outputs.validation, 'validation.csv'),
      test: path.join(p.outputs.test, 'test.csv'),
      stats: path.join(p.outputs.stats, 'stats.json'),
    };
    expect(JSON.parse(read(splits.stats)).rows.train).toBe(102);
  });

  function trainingTree(hps: Record<string, unknown>) {
    const t = track(makeTrainingTree(hps, ['train', 'validation', 'stats']));
    copyInto(t.channels.train, { 'train.csv': splits.train });
    copyInto(t.channels.validation, { 'validation.csv': splits.validation });
    copyInto(t.channels.stats, { 'stats.json': splits.stats });
    return t;
  }

  it('`docker run IMAGE train` trains and writes the success file and model.json', async () => {
    const t = trainingTree({ nEstimators: 30, maxDepth: 5, seed: 42 });
    const r = await dockerRun(IMAGE, t.base, ['train']);
    expect(r.stderr).not.toContain('FAILURE');
    expect(r.code).toBe(0);
    expect(fs.existsSync(t.successFile)).toBe(true);
    expect(metricValues(r.stdout, 'validation:accuracy').pop()).toBeGreaterThanOrEqual(0.9);
    modelDir = t.modelDir;
  });

  it('`docker stop` checkpoints; a new job with the checkpoint resumes', async () => {
    const t = trainingTree({ nEstimators: 5000, treesPerRound: 5, seed: 1 });
    const name = `${prefix}-stop`;
    let stopped = false;
    const run = dockerRun(IMAGE, t.base, ['train'], {
      name,
      onStdout: (out) => {
        if (!stopped && /step=1\b/.test(out)) {
          stopped = true;
          dockerStop(name);
        }
      },
    });
    const r = await run;
    expect(stopped).toBe(true);
    expect(r.code).toBe(1);
    expect(read(t.failureFile)).toMatch(/^JobStoppedError: training stopped after \d+\/1000 rounds/);
    const checkpoint = path.join(t.checkpointDir, 'iris-forest.json');
    const done = JSON.parse(read(checkpoint)).rounds.length as number;
    expect(done).toBeGreaterThanOrEqual(2);

    const again = trainingTree({ nEstimators: (done + 1) * 5, treesPerRound: 5, seed: 1 });
    copyInto(again.checkpointDir, { 'iris-forest.json': checkpoint });
    const resumed = await dockerRun(IMAGE, again.base, ['train']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`at round ${done}/${done + 1}`);
  });

  it('evaluation and inference run as processing jobs', async () => {
    const e = track(makeProcessingTree(['model', 'test'], ['evaluation']));
    copyInto(e.inputs.model, { 'model.json': path.join(modelDir, 'model.json') });
    copyInto(e.inputs.test, { 'test.csv': splits.test });
    expect((await dockerRun(IMAGE, e.base, ['evaluation'], PROCESSING)).code).toBe(0);
    expect(
      JSON.parse(read(path.join(e.outputs.evaluation, 'evaluation.json'))).metrics.accuracy,
    ).toBeGreaterThanOrEqual(0.9);

    const i = track(makeProcessingTree(['model', 'data'], ['predictions']));
    copyInto(i.inputs.model, { 'model.json': path.join(modelDir, 'model.json') });
    copyInto(i.inputs.data, { 'test.csv': splits.test });
    expect((await dockerRun(IMAGE, i.base, ['inference'], PROCESSING)).code).toBe(0);
    expect(read(path.join(i.outputs.predictions, 'predictions.csv')).trim().split('\n')).toHaveLength(25);
  });

  it('corrupt raw data fails the processing job with output/message', async () => {
    const p = track(makeProcessingTree(['raw'], ['train', 'validation', 'test', 'stats']));
    writeInto(p.inputs.raw, {
      'iris.csv': 'sepal_length,sepal_width,petal_length,petal_width,species\n1,2,x,4,setosa\n',
    });
    const r = await dockerRun(IMAGE, p.base, ['preprocess'], PROCESSING);
    expect(r.code).toBe(1);
    expect(read(path.join(p.base, 'output', 'message'))).toBe(
      'DataError: /opt/ml/processing/input/raw/iris.csv: line 2, column "petal_length": "x" is not a number',
    );
  });

  it('leaves no containers behind', () => {
    expect(containersNamed(prefix)).toEqual([]);
  });
});
