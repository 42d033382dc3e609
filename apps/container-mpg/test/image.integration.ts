/**
 * The built image under real Docker, as SageMaker runs it: `docker run IMAGE train` for training,
 * ContainerEntrypoint ["node", "main.js"] + ContainerArguments [job] for processing, /opt/ml mounted;
 * `docker stop` (SIGTERM via tini) checkpoints and the next run resumes.
 */
import { spawnSync } from 'node:child_process';
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

const IMAGE = 'container-mpg:latest';
const PROCESSING = { entrypoint: ['node', 'main.js'] };
const prefix = `mpg-it-${process.pid}`;
const bases: string[] = [];
const track = <T extends { base: string }>(t: T): T => (bases.push(t.base), t);
const read = (f: string) => fs.readFileSync(f, 'utf8');

beforeAll(() => requireImage(IMAGE));
afterAll(() => {
  containersNamed(prefix).forEach(dockerRemove);
  bases.forEach(removeDir);
});

describe('container-mpg image', () => {
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

    const p = track(
      makeProcessingTree(['raw'], ['train', 'validation', 'test', 'stats'], { SPLIT_SEED: '42' }),
    );
    copyInto(p.inputs.raw, { 'cars.csv': RAW_CSV });
    const r = await dockerRun(IMAGE, p.base, ['preprocess'], PROCESSING);
    expect(r.code).toBe(0);
    splits = {
      train: path.join(p.outputs.train, 'train.csv'),
      validation: path.join(p.outputs.validation, 'validation.csv'),
      test: path.join(p.outputs.test, 'test.csv'),
      stats: path.join(p.outputs.stats, 'stats.json'),
    };
    expect(JSON.parse(read(splits.stats)).rows).toEqual({
      raw: 406,
      dropped: 14,
      train: 274,
      validation: 59,
      test: 59,
    });
  });

  function trainingTree(hps: Record<string, unknown>) {
    const t = track(makeTrainingTree(hps, ['train', 'validation', 'stats']));
    copyInto(t.channels.train, { 'train.csv': splits.train });
    copyInto(t.channels.validation, { 'validation.csv': splits.validation });
    copyInto(t.channels.stats, { 'stats.json': splits.stats });
    return t;
  }

  it('`docker run IMAGE train` trains and writes the success file and model.json', async () => {
    const t = trainingTree({ learningRate: 0.05, epochs: 200, l2: 0.001, seed: 42 });
    const r = await dockerRun(IMAGE, t.base, ['train']);
    expect(r.stderr).not.toContain('FAILURE');
    expect(r.code).toBe(0);
    expect(fs.existsSync(t.successFile)).toBe(true);
    expect(metricValues(r.stdout, 'validation:r2').pop()).toBeGreaterThanOrEqual(0.7);
    modelDir = t.modelDir;
  });

  it('`docker stop` checkpoints; a new job with the checkpoint resumes', async () => {
    const hps = { learningRate: 0.01, epochs: 5_000_000, l2: 0.01, seed: 3, logEvery: 5 };
    const t = trainingTree(hps);
    const name = `${prefix}-stop`;
    let stopped = false;
    const r = await dockerRun(IMAGE, t.base, ['train'], {
      name,
      onStdout: (out) => {
        if (!stopped && /step=10\b/.test(out)) {
          stopped = true;
          dockerStop(name);
        }
      },
    });
    expect(stopped).toBe(true);
    expect(r.code).toBe(1);
    expect(read(t.failureFile)).toMatch(/^JobStoppedError: training stopped after \d+\/5000000 epochs/);
    const checkpoint = path.join(t.checkpointDir, 'mpg-ridge.json');
    const done = JSON.parse(read(checkpoint)).epoch as number;
    expect(done).toBeGreaterThanOrEqual(10);

    const again = trainingTree({ ...hps, epochs: done + 3 });
    copyInto(again.checkpointDir, { 'mpg-ridge.json': checkpoint });
    const resumed = await dockerRun(IMAGE, again.base, ['train']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`at epoch ${done}/${done + 3}`);
  });

  it('evaluation (model.tar.gz) and inference run as processing jobs', async () => {
    const e = track(makeProcessingTree(['model', 'test'], ['evaluation']));
    const tgz = spawnSync('tar', [
      '-czf',
      path.join(e.inputs.model, 'model.tar.gz'),
      '-C',
      modelDir,
      'model.json',
    ]);
    expect(tgz.status).toBe(0);
    copyInto(e.inputs.test, { 'test.csv': splits.test });
    expect((await dockerRun(IMAGE, e.base, ['evaluation'], PROCESSING)).code).toBe(0);
    const report = JSON.parse(read(path.join(e.outputs.evaluation, 'evaluation.json')));
    expect(report.metrics.r2).toBeGreaterThanOrEqual(0.7);

    const i = track(makeProcessingTree(['model', 'data'], ['predictions']));
    copyInto(i.inputs.model, { 'model.json': path.join(modelDir, 'model.json') });
    copyInto(i.inputs.data, { 'cars.csv': RAW_CSV });
    // The raw file itself: Name/Origin kept, empty Miles_per_Gallon ignored, the 6 rows without
    // Horsepower keep their place with an empty prediction.
    expect((await dockerRun(IMAGE, i.base, ['inference'], PROCESSING)).code).toBe(0);
    const lines = read(path.join(i.outputs.predictions, 'predictions.csv')).trim().split('\n');
    expect(lines[0]).toBe(
      'Name,Miles_per_Gallon,Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Origin,predicted_Miles_per_Gallon',
    );
    expect(lines).toHaveLength(407);
    expect(lines.filter((l) => l.endsWith(','))).toHaveLength(6);
  });

  it('corrupt raw data fails the processing job with output/message', async () => {
    const p = track(makeProcessingTree(['raw'], ['train', 'validation', 'test', 'stats']));
    writeInto(p.inputs.raw, { 'cars.csv': 'Miles_per_Gallon,Cylinders\n18,8\n' });
    const r = await dockerRun(IMAGE, p.base, ['preprocess'], PROCESSING);
    expect(r.code).toBe(1);
    expect(read(path.join(p.base, 'output', 'message'))).toBe(
      'DataError: /opt/ml/processing/input/raw/cars.csv: missing column "Displacement" (header: Miles_per_Gallon,Cylinders)',
    );
  });

  it('leaves no containers behind', () => {
    expect(containersNamed(prefix)).toEqual([]);
  });
});
