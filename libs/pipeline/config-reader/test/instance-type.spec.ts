import { PROCESSING_INSTANCE_TYPES, TRAINING_INSTANCE_TYPES } from '@mlops/contract';
import { PipelineConfigError, loadConfig } from '../src';
import { closest } from '../src/instance-type';
import { thrown, writeConfig } from './helpers';

describe('instance types against the SageMaker enums of @mlops/contract', () => {
  it('ml.m5.huge fails at load: one line naming file, line, field, value and the closest valid types', () => {
    const { configDir, modelFile } = writeConfig([[['models', 'iris', 'training', 'instanceType'], 'ml.m5.huge']]);
    const file = modelFile('iris');
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.exitCode).toBe(2);
    expect(err.message.split('\n')).toHaveLength(1);
    expect(err.message).toMatch(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: models\\.iris\\.training\\.instanceType: ` +
          'expected a SageMaker training instance type; closest valid: ml\\.m5\\.large, ml\\.m5\\.xlarge, .+, ' +
          'got string "ml\\.m5\\.huge"$',
      ),
    );
  });

  it('a processing type is checked against the processing enum, via an env override too', () => {
    const { configDir } = writeConfig();
    const err = thrown(() =>
      loadConfig({
        env: 'local',
        configDir,
        processEnv: { MLOPS__MODELS__MPG__PROCESSING__INSTANCE_TYPE: 'ml.t3.tiny' },
      }),
    ) as unknown as PipelineConfigError;
    expect(err.issues).toEqual([
      expect.objectContaining({
        path: 'models.mpg.processing.instanceType',
        envVar: 'MLOPS__MODELS__MPG__PROCESSING__INSTANCE_TYPE',
        message: expect.stringMatching(
          /^expected a SageMaker processing instance type; closest valid: ml\.t3\./,
        ),
      }),
    ]);
  });

  it('local / local_gpu are refused: the SageMaker enums do not have them', () => {
    expect(TRAINING_INSTANCE_TYPES).not.toContain('local');
    const { configDir } = writeConfig([[['models', 'iris', 'training', 'instanceType'], 'local_gpu']]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err.issues.map((i) => i.path)).toEqual(['models.iris.training.instanceType']);
  });

  it('every value of both enums loads', () => {
    const { configDir } = writeConfig([
      [['models', 'iris', 'training', 'instanceType'], TRAINING_INSTANCE_TYPES.at(-1)],
      [['models', 'iris', 'processing', 'instanceType'], PROCESSING_INSTANCE_TYPES.at(-1)],
    ]);
    const config = loadConfig({ env: 'local', configDir, processEnv: {} });
    expect(config.models.iris.training.instanceType).toBe(TRAINING_INSTANCE_TYPES.at(-1));
  });

  it('closest ranks the same family first, then by edit distance', () => {
    expect(closest('ml.m5.larg', ['ml.c5.large', 'ml.m5.large', 'ml.m5.24xlarge'])).toEqual([
      'ml.m5.large',
      'ml.m5.24xlarge',
      'ml.c5.large',
    ]);
    expect(closest('ml.zz.large', ['ml.m5.xlarge', 'ml.c5.large'], 1)).toEqual(['ml.c5.large']);
  });
});
