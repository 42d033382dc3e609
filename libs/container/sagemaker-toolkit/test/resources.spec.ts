import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countCpuList, numCpus, numGpus, numNeurons, which } from '../src/lib/resources';
import { loadTrainingEnv } from '../src/lib/training-env';
import { makeTrainingTree, removeTree } from './support/opt-ml';

describe('resources', () => {
  let bin: string;
  beforeEach(() => (bin = fs.mkdtempSync(path.join(os.tmpdir(), 'bin-'))));
  afterEach(() => fs.rmSync(bin, { recursive: true, force: true }));
  const tool = (name: string, script: string) =>
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${script}\n`, { mode: 0o755 });

  it('counts "GPU " lines of nvidia-smi --list-gpus, 0 without it or when it fails', () => {
    expect(numGpus(bin)).toBe(0);
    tool(
      'nvidia-smi',
      '[ "$1" = "--list-gpus" ] || exit 1\necho "GPU 0: A10G (UUID: x)"\necho "GPU 1: A10G (UUID: y)"\necho "MIG 1g"',
    );
    expect(numGpus(bin)).toBe(2);
    tool('nvidia-smi', 'exit 9');
    expect(numGpus(bin)).toBe(0);
  });

  it('neuron cores: 64 on trn2.48xlarge, else the sum of nc_count from neuron-ls -j', () => {
    expect(numNeurons('ml.trn2.48xlarge', bin)).toBe(64);
    expect(numNeurons('ml.trn1.2xlarge', bin)).toBe(0);
    tool('neuron-ls', `echo '[{"nc_count": 2}, {"nc_count": 2}]'`);
    expect(numNeurons('ml.trn1.2xlarge', bin)).toBe(4);
  });

  it('which finds executables only; cpu count is positive', () => {
    tool('x', 'true');
    fs.writeFileSync(path.join(bin, 'notexec'), '');
    expect(which('x', bin)).toBe(path.join(bin, 'x'));
    expect(which('notexec', bin)).toBeUndefined();
    expect(numCpus()).toBe(os.cpus().length); // the sysfs list on Linux, os.cpus() elsewhere
  });

  it('counts CPUs from the kernel list, falling back to os.cpus() when it is absent or odd', () => {
    expect(countCpuList('0-3,6,8-9\n')).toBe(7);
    expect(countCpuList('0')).toBe(1);
    expect(countCpuList('garbage')).toBeNaN();
    const list = path.join(bin, 'online');
    fs.writeFileSync(list, '0-95\n');
    expect(numCpus(list)).toBe(96);
    fs.writeFileSync(list, 'x');
    expect(numCpus(list)).toBe(os.cpus().length);
    expect(numCpus(path.join(bin, 'absent'))).toBe(os.cpus().length);
  });

  it('loadTrainingEnv probes the PATH of the env it is given', () => {
    tool('nvidia-smi', 'echo "GPU 0: T4"');
    tool('smddprun', 'true');
    const base = makeTrainingTree();
    try {
      const env = loadTrainingEnv({ baseDir: base, env: { PATH: bin } });
      expect(env.numGpus).toBe(1);
      expect(env.smEnv.SM_NUM_GPUS).toBe('1');
      const te = JSON.parse(env.smEnv.SM_TRAINING_ENV);
      expect(te.is_smddprun_installed).toBe(true);
      expect(te.is_smddpmprun_installed).toBe(false);
    } finally {
      removeTree(base);
    }
  });
});
