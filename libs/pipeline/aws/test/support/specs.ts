import type { ProcessingJobSpec, TrainingJobSpec } from '../../src';

export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
export const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1.0';

export function trainingSpec(overrides: Partial<TrainingJobSpec> = {}): TrainingJobSpec {
  return {
    baseJobName: 'iris-train',
    image: IMAGE,
    roleArn: ROLE,
    instanceType: 'ml.m5.large',
    instanceCount: 1,
    volumeSizeGb: 30,
    maxRuntimeSeconds: 3600,
    hyperparameters: { epochs: 10, lr: 0.01, optimizer: 'adam' },
    channels: [
      { name: 'train', s3Uri: 's3://bucket/iris/train/' },
      { name: 'validation', s3Uri: 's3://bucket/iris/val/', contentType: 'text/csv' },
    ],
    outputPath: 's3://bucket/iris/output',
    environment: { LOG_LEVEL: 'info' },
    metricDefinitions: [{ name: 'loss', regex: 'loss=([0-9.]+)' }],
    tags: { project: 'iris' },
    ...overrides,
  };
}

export function processingSpec(overrides: Partial<ProcessingJobSpec> = {}): ProcessingJobSpec {
  return {
    baseJobName: 'iris-eval',
    image: IMAGE,
    roleArn: ROLE,
    instanceType: 'ml.m5.large',
    instanceCount: 1,
    volumeSizeGb: 30,
    maxRuntimeSeconds: 3600,
    entrypoint: ['node', '/app/evaluate.js'],
    inputs: [
      { name: 'model', s3Uri: 's3://bucket/iris/model.tar.gz', localPath: '/opt/ml/processing/model' },
    ],
    outputs: [{ name: 'report', s3Uri: 's3://bucket/iris/report', localPath: '/opt/ml/processing/report' }],
    environment: { THRESHOLD: '0.9' },
    ...overrides,
  };
}
