import type { TrainingJobSpec } from '@mlops/aws';
import type { ModelConfig } from '@mlops/config-reader';
import type { RunLayout } from '../layout/s3-layout';
import { jobSettingsFields } from './job-settings';

/** Channels the container's `train` reads (container contract). */
export const TRAINING_CHANNELS = ['train', 'validation', 'stats'] as const;

/**
 * The TrainingJob of a run, from config: the image's own `train` (no entrypoint override), channels
 * from the preprocess outputs, config hyperparameters and metric definitions, model output and
 * checkpoints in the run's prefix (see runLayout); managed spot and the config's job settings (tags,
 * VPC, KMS keys, network isolation) when set.
 */
export function trainingSpecFor(input: {
  roleArn: string;
  runId: string;
  model: ModelConfig;
  layout: RunLayout;
}): TrainingJobSpec {
  const { model, layout } = input;
  const t = model.training;
  return {
    image: model.image,
    roleArn: input.roleArn,
    instanceType: t.instanceType,
    instanceCount: t.instanceCount,
    volumeSizeGb: t.volumeSizeInGB,
    maxRuntimeSeconds: t.maxRuntimeInSeconds,
    inputMode: 'File',
    hyperparameters: { ...t.hyperparameters },
    channels: TRAINING_CHANNELS.map((name) => ({ name, s3Uri: layout.processed[name] })),
    outputPath: layout.models,
    metricDefinitions: t.metricDefinitions.map((m) => ({ name: m.name, regex: m.regex })),
    // Where a spot job resumes from after an interruption (the container saves there).
    checkpoint: { s3Uri: layout.checkpoints, localPath: '/opt/ml/checkpoints' },
    ...(t.useSpotTraining ? { useSpotTraining: true, maxWaitTimeSeconds: t.maxWaitTimeInSeconds } : {}),
    ...jobSettingsFields({ model, runId: input.runId, batch: 'training' }),
  };
}
