import type { CreateProcessingJobRequest, ProcessingInstanceType } from '@aws-sdk/client-sagemaker';
import type { ModelConfig } from '@mlops/config-reader';
import { jobTags } from './job-tags';

/** The container's processing jobs (`node main.js <job>`). */
export type ProcessingJobKind = 'preprocess' | 'evaluation' | 'inference';

export interface ProcessingRequestInput {
  jobName: string;
  roleArn: string;
  runId: string;
  model: ModelConfig;
  job: ProcessingJobKind;
  /** name → S3 URI; mounted at /opt/ml/processing/input/<name>. */
  inputs: Record<string, string>;
  /** name → S3 URI; read from /opt/ml/processing/output/<name>. */
  outputs: Record<string, string>;
}

export const processingInputPath = (name: string) => `/opt/ml/processing/input/${name}`;
export const processingOutputPath = (name: string) => `/opt/ml/processing/output/${name}`;

/** CreateProcessingJob input per the container contract: `node main.js <job>`, named inputs/outputs. */
export function buildProcessingRequest(input: ProcessingRequestInput): CreateProcessingJobRequest {
  const p = input.model.processing;
  return {
    ProcessingJobName: input.jobName,
    RoleArn: input.roleArn,
    AppSpecification: {
      ImageUri: input.model.image,
      ContainerEntrypoint: ['node', 'main.js'],
      ContainerArguments: [input.job],
    },
    ProcessingInputs: Object.entries(input.inputs).map(([name, uri]) => ({
      InputName: name,
      S3Input: {
        S3Uri: uri,
        LocalPath: processingInputPath(name),
        S3DataType: 'S3Prefix',
        S3InputMode: 'File',
        S3DataDistributionType: 'FullyReplicated',
      },
    })),
    ProcessingOutputConfig: {
      Outputs: Object.entries(input.outputs).map(([name, uri]) => ({
        OutputName: name,
        S3Output: { S3Uri: uri, LocalPath: processingOutputPath(name), S3UploadMode: 'EndOfJob' },
      })),
    },
    ProcessingResources: {
      ClusterConfig: {
        InstanceType: p.instanceType as ProcessingInstanceType,
        InstanceCount: p.instanceCount,
        VolumeSizeInGB: p.volumeSizeInGB,
      },
    },
    StoppingCondition: { MaxRuntimeInSeconds: p.maxRuntimeInSeconds },
    Tags: jobTags({ model: input.model.name, team: input.model.team, runId: input.runId, batch: input.job }),
  };
}
