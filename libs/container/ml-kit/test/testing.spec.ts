import * as fs from 'node:fs';
import * as path from 'node:path';
import { readArchiveFiles } from '@mlops/archive';
import * as testing from '../testing';

describe('testing helpers', () => {
  it('lays out a processing tree as SageMaker does', () => {
    const t = testing.makeProcessingTree(['raw'], ['train'], { SPLIT_SEED: '3' });
    try {
      const config = JSON.parse(
        fs.readFileSync(path.join(t.base, 'config', 'processingjobconfig.json'), 'utf8'),
      );
      expect(config.Environment).toEqual({ SPLIT_SEED: '3' });
      expect(config.ProcessingInputs[0].S3Input.LocalPath).toBe('/opt/ml/processing/input/raw');
      expect(t.inputs.raw).toBe(path.join(t.base, 'processing', 'input', 'raw'));
      expect(fs.statSync(t.outputs.train).isDirectory()).toBe(true);
    } finally {
      testing.removeDir(t.base);
    }
  });

  it('writes hyperparameters as SageMaker strings in a training tree', () => {
    const t = testing.makeTrainingTree({ seed: 42, name: 'x' }, ['train']);
    try {
      const hps = JSON.parse(
        fs.readFileSync(path.join(t.base, 'input', 'config', 'hyperparameters.json'), 'utf8'),
      );
      expect(hps).toEqual({ seed: '42', name: 'x' });
      expect(fs.statSync(t.channels.train).isDirectory()).toBe(true);
    } finally {
      testing.removeDir(t.base);
    }
  });

  it('reads metric values from stdout', () => {
    expect(testing.metricValues('#metric a:b=1\nx\n#metric a:b=2.5e-1 step=2\n#metric c=3\n', 'a:b')).toEqual(
      [1, 0.25],
    );
  });

  it('resolves the repo root (where the shared build script lives)', () => {
    expect(fs.existsSync(testing.BUNDLE_SCRIPT)).toBe(true);
  });

  it('gives an app its raw data path and temp dir prefix', () => {
    const app = path.join(testing.REPO_DIR, 'apps', 'container-iris');
    const f = testing.appFixtures(app, 'iris', 'iris/iris.csv');
    expect(f.RAW_CSV).toBe(path.join(testing.REPO_DIR, 'data', 'iris', 'iris.csv'));
    const dir = f.tempDir();
    try {
      expect(path.basename(dir)).toMatch(/^iris-/);
    } finally {
      testing.removeDir(dir);
    }
  });
});

describe('splits and training trees', () => {
  it('feeds each channel the split of its name, and names a missing one', () => {
    const p = testing.preprocessTree({ name: 'raw.csv', text: 'x\n1\n' });
    const splits = testing.splitsOf(p);
    try {
      expect(fs.readFileSync(path.join(p.inputs.raw, 'raw.csv'), 'utf8')).toBe('x\n1\n');
      for (const k of ['train', 'validation', 'test'] as const) fs.writeFileSync(splits[k], `${k}\n`);
      fs.writeFileSync(splits.stats, '{}');
      const t = testing.trainingTreeFrom(splits, { seed: 1 });
      try {
        expect(fs.readFileSync(path.join(t.channels.validation, 'validation.csv'), 'utf8')).toBe(
          'validation\n',
        );
        expect(fs.readdirSync(t.channels.stats)).toEqual(['stats.json']);
        expect(t.channels.test).toBeUndefined();
      } finally {
        testing.removeDir(t.base);
      }
      expect(() => testing.trainingTreeFrom({ ...splits, stats: '' }, {})).toThrow(
        /no split for channel "stats"/,
      );
    } finally {
      testing.removeDir(p.base);
    }
  });
});

describe('job harness (on a recording runner)', () => {
  const app = testing.appFixtures(
    path.join(testing.REPO_DIR, 'apps', 'container-iris'),
    'iris',
    'iris/iris.csv',
  );
  const calls: Array<{ job: string; files: string[] }> = [];
  // Stands in for the bundle / image: records which job ran and what its tree held.
  const runner: testing.JobRunner = {
    run: async (base, job) => {
      const files = fs.readdirSync(base, { recursive: true, encoding: 'utf8' }).sort();
      calls.push({ job, files });
      return { code: 0, stdout: '', stderr: '', stopped: false };
    },
  };
  const h = testing.jobHarness(app, runner);
  afterAll(() => h.cleanup());

  it('runs preprocess on the raw file under its own name', async () => {
    const p = await h.preprocess();
    expect(calls.pop()).toMatchObject({ job: 'preprocess' });
    expect(fs.readFileSync(path.join(p.tree.inputs.raw, 'iris.csv'))).toEqual(fs.readFileSync(app.RAW_CSV));
    expect(p.splits.test).toBe(path.join(p.tree.outputs.test, 'test.csv'));
  });

  it('splits() throws with the stderr of a failed preprocess', async () => {
    const failing = testing.jobHarness(app, {
      run: async () => ({ code: 1, stdout: '', stderr: 'DataError: raw.csv: file is empty', stopped: false }),
    });
    try {
      await expect(failing.splits()).rejects.toThrow(
        'preprocess exited 1: DataError: raw.csv: file is empty',
      );
    } finally {
      failing.cleanup();
    }
  });

  it('packs the model as SageMaker does (model.tar.gz with model.json) for evaluation', async () => {
    const modelDir = testing.tempDir();
    try {
      fs.writeFileSync(path.join(modelDir, 'model.json'), '{"m":1}');
      const e = await h.evaluate(modelDir, app.RAW_CSV, { archive: true });
      expect(calls.pop()?.job).toBe('evaluation');
      const tgz = fs.readFileSync(path.join(e.tree.inputs.model, 'model.tar.gz'));
      const entries = readArchiveFiles(tgz, 'model.tar.gz');
      expect(entries.map((x) => [x.name, x.data.toString()])).toEqual([['model.json', '{"m":1}']]);
      expect(e.report).toBeUndefined(); // the stand-in wrote no evaluation.json
    } finally {
      testing.removeDir(modelDir);
    }
  });

  it('gives inference copied and written data files', async () => {
    const i = await h.infer(app.RAW_CSV, { copy: { 'a.csv': app.RAW_CSV }, write: { 'b.csv': 'x\n' } });
    expect(calls.pop()?.job).toBe('inference');
    expect(fs.readdirSync(i.tree.inputs.data)).toEqual(['a.csv', 'b.csv']);
    expect(fs.readdirSync(i.tree.inputs.model)).toEqual(['model.json']);
    expect(i.lines).toEqual([]);
  });
});

describe('the testing entry stays out of production code', () => {
  it('no production file under src/ imports it (its unit tests may)', () => {
    const src = path.join(__dirname, '..', 'src');
    const offenders = fs
      .readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => !f.endsWith('.spec.ts'))
      .filter(
        (f) =>
          f.endsWith('.ts') &&
          /from '(\.\.\/)+testing|ml-kit\/testing'/.test(fs.readFileSync(path.join(src, f), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
