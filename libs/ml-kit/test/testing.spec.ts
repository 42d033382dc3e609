import * as fs from 'node:fs';
import * as path from 'node:path';
import { testing } from '../src';

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
