import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTrainingEnv } from '../src/lib/training-env';
import { ToolkitConfigError } from '../src/lib/errors';
import { channelDir, listChannelFiles } from '../src/lib/channels';
import { makeTrainingTree, removeTree } from './support/opt-ml';

describe('loadTrainingEnv', () => {
  let base: string;
  afterEach(() => removeTree(base));

  it('uses SAGEMAKER_BASE_DIR for every path', () => {
    base = makeTrainingTree({ inputDataConfig: { train: { TrainingInputMode: 'File' } } });
    const env = loadTrainingEnv({ env: { SAGEMAKER_BASE_DIR: base } });
    expect(env.modelDir).toBe(path.join(base, 'model'));
    expect(env.outputDataDir).toBe(path.join(base, 'output/data'));
    expect(env.outputIntermediateDir).toBe(path.join(base, 'output/intermediate'));
    expect(env.inputConfigDir).toBe(path.join(base, 'input/config'));
    expect(env.checkpointDir).toBe(path.join(base, 'checkpoints'));
    expect(env.channelInputDirs).toEqual({ train: path.join(base, 'input/data/train') });
    expect(env.moduleDir).toBe(path.join(base, 'code'));
  });

  it('SAGEMAKER_PROGRAM wins over sagemaker_program; module name drops .py', () => {
    base = makeTrainingTree({ hyperparameters: { sagemaker_program: '"hp.py"' } });
    expect(loadTrainingEnv({ baseDir: base, env: {} }).userEntryPoint).toBe('hp.py');
    const env = loadTrainingEnv({ baseDir: base, env: { SAGEMAKER_PROGRAM: 'env.js' } });
    expect(env.userEntryPoint).toBe('env.js');
    expect(env.smEnv.SM_MODULE_NAME).toBe('env.js');
    expect(loadTrainingEnv({ baseDir: base, env: {} }).smEnv.SM_MODULE_NAME).toBe('hp');
  });

  it('submit dir and log level come from the hps, not the env vars', () => {
    base = makeTrainingTree({
      hyperparameters: {
        sagemaker_submit_directory: '"s3://b/k/sourcedir.tar.gz"',
        sagemaker_container_log_level: '10',
      },
    });
    const env = loadTrainingEnv({
      baseDir: base,
      env: { SAGEMAKER_SUBMIT_DIRECTORY: '/x', SAGEMAKER_CONTAINER_LOG_LEVEL: '40' },
    });
    expect(env.smEnv.SM_MODULE_DIR).toBe('s3://b/k/sourcedir.tar.gz');
    expect(env.smEnv.SM_LOG_LEVEL).toBe('10');
    expect(() => loadTrainingEnv({ baseDir: base, env: { SAGEMAKER_CONTAINER_LOG_LEVEL: 'debug' } })).toThrow(
      'env SAGEMAKER_CONTAINER_LOG_LEVEL: expected an integer, found "debug"',
    );
  });

  it('master is the first distribution host; hetero groups keep platform order', () => {
    base = makeTrainingTree({
      hyperparameters: { sagemaker_distribution_instance_groups: '["g2"]' },
      resourceConfig: {
        current_host: 'algo-1',
        hosts: ['algo-1', 'algo-2', 'algo-3'],
        current_group_name: 'g2',
        instance_groups: [
          { instance_group_name: 'g1', instance_type: 'ml.c5.18xlarge', hosts: ['algo-2'] },
          { instance_group_name: 'g2', instance_type: 'ml.p3dn.24xlarge', hosts: ['algo-3', 'algo-1'] },
        ],
        topology: null,
      },
    });
    const env = loadTrainingEnv({ baseDir: base, env: {} });
    expect(env.distributionHosts).toEqual(['algo-3', 'algo-1']);
    expect(env.masterHostname).toBe('algo-3');
    expect(env.isMaster).toBe(false);
    expect(env.currentInstanceGroupHosts).toEqual(['algo-3', 'algo-1']);
    expect(env.smEnv.SM_DISTRIBUTION_INSTANCE_GROUPS).toBe('["g2"]');
    expect(env.smEnv.SM_TOPOLOGY).toBeUndefined();
    const trainingEnv = JSON.parse(env.smEnv.SM_TRAINING_ENV);
    expect(Object.keys(trainingEnv)).toHaveLength(37);
    expect(trainingEnv.is_master).toBe(false);
    expect(trainingEnv.topology).toBeNull();
  });

  it('exports SM_TOPOLOGY when the topology is non-empty', () => {
    base = makeTrainingTree({
      resourceConfig: {
        current_host: 'algo-1',
        hosts: ['algo-1'],
        topology: [{ hostName: 'algo-1', capacityUnitId: 'u1' }],
      },
    });
    expect(loadTrainingEnv({ baseDir: base, env: {} }).smEnv.SM_TOPOLOGY).toBe(
      '[{"capacityUnitId":"u1","hostName":"algo-1"}]',
    );
  });

  it('names the file and field for malformed configs', () => {
    base = makeTrainingTree({ resourceConfig: { hosts: ['algo-1'] } });
    const rc = path.join(base, 'input/config/resourceconfig.json');
    expect(() => loadTrainingEnv({ baseDir: base, env: {} })).toThrow(
      new ToolkitConfigError(rc, '"current_host" must be a non-empty string, found nothing'),
    );
    fs.writeFileSync(rc, JSON.stringify({ current_host: 'algo-1', hosts: [] }));
    expect(() => loadTrainingEnv({ baseDir: base, env: {} })).toThrow(
      /"hosts" must be a non-empty list of strings/,
    );
    fs.writeFileSync(rc, '[1]');
    expect(() => loadTrainingEnv({ baseDir: base, env: {} })).toThrow(
      `${rc}: expected a JSON object, found an array`,
    );
    fs.writeFileSync(rc, JSON.stringify({ current_host: 'algo-1', hosts: ['algo-1'] }));
    const idc = path.join(base, 'input/config/inputdataconfig.json');
    fs.writeFileSync(idc, '{"train": "File"}');
    expect(() => loadTrainingEnv({ baseDir: base, env: {} })).toThrow(
      `${idc}: channel "train" must be an object, found a string`,
    );
  });

  it('channelDir / listChannelFiles: unknown channel and unreadable dir errors', () => {
    base = makeTrainingTree({
      inputDataConfig: { train: { TrainingInputMode: 'File' }, stream: { TrainingInputMode: 'Pipe' } },
    });
    const env = loadTrainingEnv({ baseDir: base, env: {} });
    expect(() => channelDir(env, 'test')).toThrow(
      `channel "test": not declared in ${path.join(base, 'input/config/inputdataconfig.json')} (channels: train, stream)`,
    );
    expect(() => listChannelFiles(env, 'train')).toThrow(
      `channel "train": cannot read data dir ${path.join(base, 'input/data/train')} (ENOENT)`,
    );
    expect(() => listChannelFiles(env, 'stream')).toThrow('Pipe-mode channel');
    fs.mkdirSync(path.join(base, 'input/data/train/sub'), { recursive: true });
    fs.writeFileSync(path.join(base, 'input/data/train/b.csv'), '1');
    fs.writeFileSync(path.join(base, 'input/data/train/sub/a.csv'), '2');
    expect(listChannelFiles(env, 'train')).toEqual(['b.csv', 'sub/a.csv']);
  });
});
