import { prepareProcessingJob, prepareTrainingJob } from '@mlops/aws';
import { getModelConfig, loadConfig } from '@mlops/config-reader';
import { processingSpecFor, runLayout, trainingSpecFor } from '../src';
import { CONFIG_DIR } from './support/paths';

// Cost and security settings from config reach the SageMaker requests: the shipped configs with the
// settings supplied by MLOPS__ overrides (the same path a deployment uses to fill them in).
const SECURE: NodeJS.ProcessEnv = {
  MLOPS__JOBS__TAGS__COST_CENTER: 'ml-platform',
  MLOPS__JOBS__ENABLE_NETWORK_ISOLATION: 'true',
  MLOPS__JOBS__VPC__SUBNETS: '[subnet-0abc1234, subnet-0def5678]',
  MLOPS__JOBS__VPC__SECURITY_GROUP_IDS: '[sg-0abc1234]',
  MLOPS__JOBS__KMS__VOLUME_KEY_ID: 'alias/mlops-volume',
  MLOPS__JOBS__KMS__OUTPUT_KEY_ID:
    'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  MLOPS__MODELS__IRIS__TRAINING__USE_SPOT_TRAINING: 'true',
  MLOPS__MODELS__IRIS__TRAINING__MAX_WAIT_TIME_IN_SECONDS: '1800',
};

function iris(processEnv: NodeJS.ProcessEnv) {
  const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv });
  const model = getModelConfig(config, 'iris');
  return { config, model, layout: runLayout(config.aws.bucket, model.s3Prefixes, 'r1') };
}

describe('job settings from config in the requests', () => {
  it('training: spot with MaxWaitTime and checkpoints, VPC, both KMS keys, isolation, tags', () => {
    const { config, model, layout } = iris(SECURE);
    const request = prepareTrainingJob(
      trainingSpecFor({ roleArn: config.aws.roleArn, runId: 'r1', model, layout }),
      'iris-training-r1',
    );
    expect(request.EnableManagedSpotTraining).toBe(true);
    expect(request.StoppingCondition).toEqual({
      MaxRuntimeInSeconds: model.training.maxRuntimeInSeconds,
      MaxWaitTimeInSeconds: 1800,
    });
    expect(request.CheckpointConfig).toEqual({ S3Uri: layout.checkpoints, LocalPath: '/opt/ml/checkpoints' });
    expect(request.VpcConfig).toEqual({
      Subnets: ['subnet-0abc1234', 'subnet-0def5678'],
      SecurityGroupIds: ['sg-0abc1234'],
    });
    expect(request.ResourceConfig?.VolumeKmsKeyId).toBe('alias/mlops-volume');
    expect(request.OutputDataConfig?.KmsKeyId).toBe(SECURE.MLOPS__JOBS__KMS__OUTPUT_KEY_ID);
    expect(request.EnableNetworkIsolation).toBe(true);
    expect(request.Tags).toEqual([
      { Key: 'environment', Value: 'local' },
      { Key: 'costCenter', Value: 'ml-platform' },
      { Key: 'mlops:model', Value: 'iris' },
      { Key: 'mlops:team', Value: 'team-iris' },
      { Key: 'mlops:run-id', Value: 'r1' },
      { Key: 'mlops:batch', Value: 'training' },
    ]);
  });

  it('processing: VPC and isolation in NetworkConfig, both KMS keys, tags', () => {
    const { config, model, layout } = iris(SECURE);
    const request = prepareProcessingJob(
      processingSpecFor({
        roleArn: config.aws.roleArn,
        runId: 'r1',
        model,
        job: 'preprocess',
        inputs: { raw: layout.raw },
        outputs: { ...layout.processed },
      }),
      'iris-preprocess-r1',
    );
    expect(request.NetworkConfig).toEqual({
      EnableNetworkIsolation: true,
      VpcConfig: { Subnets: ['subnet-0abc1234', 'subnet-0def5678'], SecurityGroupIds: ['sg-0abc1234'] },
    });
    expect(request.ProcessingResources?.ClusterConfig?.VolumeKmsKeyId).toBe('alias/mlops-volume');
    expect(request.ProcessingOutputConfig?.KmsKeyId).toBe(SECURE.MLOPS__JOBS__KMS__OUTPUT_KEY_ID);
    expect(request.Tags).toContainEqual({ Key: 'costCenter', Value: 'ml-platform' });
    expect(request.Tags).toContainEqual({ Key: 'mlops:batch', Value: 'preprocess' });
  });

  it('without settings the requests carry none of them (on-demand, no VPC, no keys)', () => {
    const { config, model, layout } = iris({});
    const request = prepareTrainingJob(
      trainingSpecFor({ roleArn: config.aws.roleArn, runId: 'r1', model, layout }),
      'iris-training-r1',
    );
    expect(request).not.toHaveProperty('EnableManagedSpotTraining');
    expect(request).not.toHaveProperty('VpcConfig');
    expect(request).not.toHaveProperty('EnableNetworkIsolation');
    expect(request.StoppingCondition).toEqual({ MaxRuntimeInSeconds: model.training.maxRuntimeInSeconds });
    expect(request.ResourceConfig).not.toHaveProperty('VolumeKmsKeyId');
    expect(request.OutputDataConfig).not.toHaveProperty('KmsKeyId');
  });
});
