import type { CreateTrainingJobRequest, TrainingInstanceType } from '@aws-sdk/client-sagemaker';
import type { ModelConfig } from '@mlops/config-reader';
import type { RunLayout } from '../layout/s3-layout';
import { stringifyHyperparameters } from './hyperparameters';
import { jobTags } from './job-tags';

export interface TrainingRequestInput {
  jobName: string;
  roleArn: string;
  runId: string;
  model: ModelConfig;
  layout: RunLayout;
}

/** Channels the container's `train` reads (container contract). */
export const TRAINING_CHANNELS = ['train', 'validation', 'stats'] as const;

/**
 * CreateTrainingJob input from config: the image's own `train` entrypoint (no override), channels from
 * the preprocess outputs, config hyperparameters and metric definitions, output and checkpoints in the
 * run's prefix (see runLayout).
 */
export function buildTrainingRequest(input: TrainingRequestInput): CreateTrainingJobRequest {
  const { model, layout } = input;
  const t = model.training;
  return {
    TrainingJobName: input.jobName,
    RoleArn: input.roleArn,
    AlgorithmSpecification: {
      TrainingImage: model.image,
      TrainingInputMode: 'File',
      MetricDefinitions: t.metricDefinitions.map((m) => ({ Name: m.name, Regex: m.regex })),
    },
    HyperParameters: stringifyHyperparameters(t.hyperparameters),
    InputDataConfig: TRAINING_CHANNELS.map((name) => ({
      ChannelName: name,
      DataSource: {
        S3DataSource: {
          S3DataType: 'S3Prefix',
          S3Uri: layout.processed[name],
          S3DataDistributionType: 'FullyReplicated',
        },
      },
    })),
    OutputDataConfig: { S3OutputPath: layout.models },
    CheckpointConfig: { S3Uri: layout.checkpoints, LocalPath: '/opt/ml/checkpoints' },
    ResourceConfig: {
      // The config schema checks the `ml.<family>.<size>` shape; the service checks the exact list.
      InstanceType: t.instanceType as TrainingInstanceType,
      InstanceCount: t.instanceCount,
      VolumeSizeInGB: t.volumeSizeInGB,
    },
    StoppingCondition: { MaxRuntimeInSeconds: t.maxRuntimeInSeconds },
    Tags: jobTags({ model: model.name, team: model.team, runId: input.runId, batch: 'training' }),
  };
}
