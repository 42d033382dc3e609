import type { ProcessingJobSpec } from '@mlops/aws';
import type { ModelConfig } from '@mlops/config-reader';
import { processingArguments } from '@mlops/contract';
import { jobSettingsFields } from './job-settings';

/** The container's processing jobs (`node main.js <job>` under the image's init). */
export type ProcessingJobKind = 'preprocess' | 'evaluation' | 'inference';

export const processingInputPath = (name: string) => `/opt/ml/processing/input/${name}`;
export const processingOutputPath = (name: string) => `/opt/ml/processing/output/${name}`;

/**
 * A ProcessingJob per the container contract: `node main.js <job>` as ContainerArguments (the image's
 * ENTRYPOINT, its init, stays), inputs mounted at
 * /opt/ml/processing/input/<name>, outputs read from /opt/ml/processing/output/<name>.
 */
export function processingSpecFor(input: {
  roleArn: string;
  runId: string;
  model: ModelConfig;
  job: ProcessingJobKind;
  /** name → S3 URI */
  inputs: Record<string, string>;
  /** name → S3 URI */
  outputs: Record<string, string>;
}): ProcessingJobSpec {
  const p = input.model.processing;
  return {
    image: input.model.image,
    roleArn: input.roleArn,
    instanceType: p.instanceType,
    instanceCount: p.instanceCount,
    volumeSizeGb: p.volumeSizeInGB,
    maxRuntimeSeconds: p.maxRuntimeInSeconds,
    arguments: processingArguments(input.job),
    inputs: Object.entries(input.inputs).map(([name, s3Uri]) => ({
      name,
      s3Uri,
      localPath: processingInputPath(name),
    })),
    outputs: Object.entries(input.outputs).map(([name, s3Uri]) => ({
      name,
      s3Uri,
      localPath: processingOutputPath(name),
    })),
    ...jobSettingsFields({ model: input.model, runId: input.runId, batch: input.job }),
  };
}
