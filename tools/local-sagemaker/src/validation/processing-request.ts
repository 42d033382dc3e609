import { Checker } from './checker';
import * as P from './patterns';
import { stringList, validateTags } from './training-request';

export interface ProcessingInput {
  InputName: string;
  AppManaged?: boolean;
  S3Input: {
    S3Uri: string;
    LocalPath: string;
    S3DataType: string;
    S3InputMode?: string;
    S3DataDistributionType?: string;
    S3CompressionType?: string;
  };
}
export interface ProcessingOutput {
  OutputName: string;
  S3Output: { S3Uri: string; LocalPath: string; S3UploadMode: string };
}
export interface CreateProcessingJobRequest {
  ProcessingJobName: string;
  RoleArn: string;
  AppSpecification: { ImageUri: string; ContainerEntrypoint?: string[]; ContainerArguments?: string[] };
  ProcessingResources: {
    ClusterConfig: { InstanceCount: number; InstanceType: string; VolumeSizeInGB: number };
  };
  ProcessingInputs?: ProcessingInput[];
  ProcessingOutputConfig?: { Outputs: ProcessingOutput[]; KmsKeyId?: string };
  StoppingCondition?: { MaxRuntimeInSeconds: number };
  Environment?: Record<string, string>;
  Tags?: { Key: string; Value: string }[];
  [other: string]: unknown;
}

const LOCAL_PATH_PREFIX = '/opt/ml/processing/';

/** Validates CreateProcessingJob against the API model and the developer guide's LocalPath rule. */
export function validateCreateProcessingJob(body: Record<string, unknown>): CreateProcessingJobRequest {
  const c = new Checker();
  c.string('ProcessingJobName', body.ProcessingJobName, {
    required: true,
    min: 1,
    max: 63,
    pattern: P.JOB_NAME,
  });
  c.string('RoleArn', body.RoleArn, { required: true, min: 20, max: 2048, pattern: P.ROLE_ARN });

  const app = c.object('AppSpecification', body.AppSpecification, true);
  if (app) {
    c.string('AppSpecification.ImageUri', app.ImageUri, { required: true, min: 1, max: 255 });
    stringList(c, 'AppSpecification.ContainerEntrypoint', app.ContainerEntrypoint);
    stringList(c, 'AppSpecification.ContainerArguments', app.ContainerArguments);
  }

  const resources = c.object('ProcessingResources', body.ProcessingResources, true);
  if (resources) {
    const cluster = c.object('ProcessingResources.ClusterConfig', resources.ClusterConfig, true);
    if (cluster) {
      const p = 'ProcessingResources.ClusterConfig';
      c.integer(`${p}.InstanceCount`, cluster.InstanceCount, { required: true, min: 1, max: 100 });
      c.string(`${p}.InstanceType`, cluster.InstanceType, { required: true, pattern: P.INSTANCE_TYPE });
      c.integer(`${p}.VolumeSizeInGB`, cluster.VolumeSizeInGB, { required: true, min: 1, max: 16384 });
    }
  }

  const stop = c.object('StoppingCondition', body.StoppingCondition);
  if (stop)
    c.integer('StoppingCondition.MaxRuntimeInSeconds', stop.MaxRuntimeInSeconds, {
      required: true,
      min: 1,
      max: 777600,
    });

  c.map('Environment', body.Environment, {
    max: 100,
    key: { max: 256, pattern: P.ENV_KEY },
    value: { max: 256 },
  });

  const localPaths = new Set<string>();
  const checkLocalPath = (path: string, value: unknown) => {
    if (!c.string(path, value, { required: true, max: 256 })) return;
    const local = value as string;
    if (!local.startsWith(LOCAL_PATH_PREFIX) || local.split('/').includes('..'))
      c.add(`${path} '${local}' must begin with ${LOCAL_PATH_PREFIX} and may not contain '..'`);
    if (localPaths.has(local)) c.add(`${path} '${local}' is used by more than one input or output`);
    localPaths.add(local);
  };

  const names = new Set<string>();
  const inputs = c.list('ProcessingInputs', body.ProcessingInputs, { max: 10 });
  inputs?.forEach((raw, i) => {
    const path = `ProcessingInputs.${i + 1}.member`;
    const input = c.object(path, raw, true);
    if (!input) return;
    if (c.string(`${path}.InputName`, input.InputName, { required: true })) {
      if (names.has(input.InputName as string)) c.add(`InputName '${String(input.InputName)}' is not unique`);
      names.add(input.InputName as string);
    }
    if (input.DatasetDefinition) c.add(`${path}.DatasetDefinition is not supported by local-sagemaker`);
    const s3 = c.object(`${path}.S3Input`, input.S3Input, !input.DatasetDefinition);
    if (!s3) return;
    c.string(`${path}.S3Input.S3Uri`, s3.S3Uri, { required: true, max: 1024, pattern: P.DATA_URI });
    checkLocalPath(`${path}.S3Input.LocalPath`, s3.LocalPath);
    c.string(`${path}.S3Input.S3DataType`, s3.S3DataType, {
      required: true,
      enum: ['ManifestFile', 'S3Prefix'],
    });
    if (s3.S3DataType === 'ManifestFile')
      c.add('S3DataType ManifestFile is not supported by local-sagemaker');
    c.string(`${path}.S3Input.S3InputMode`, s3.S3InputMode, { enum: ['Pipe', 'File'] });
    if (s3.S3InputMode === 'Pipe') c.add('S3InputMode Pipe is not supported by local-sagemaker; use File');
    c.string(`${path}.S3Input.S3DataDistributionType`, s3.S3DataDistributionType, { enum: P.DISTRIBUTIONS });
    c.string(`${path}.S3Input.S3CompressionType`, s3.S3CompressionType, { enum: ['None', 'Gzip'] });
    if (s3.S3CompressionType === 'Gzip') c.add('S3CompressionType Gzip is not supported by local-sagemaker');
  });

  const outputConfig = c.object('ProcessingOutputConfig', body.ProcessingOutputConfig);
  if (outputConfig) {
    const outNames = new Set<string>();
    const outputs = c.list('ProcessingOutputConfig.Outputs', outputConfig.Outputs, {
      required: true,
      max: 10,
    });
    outputs?.forEach((raw, i) => {
      const path = `ProcessingOutputConfig.Outputs.${i + 1}.member`;
      const output = c.object(path, raw, true);
      if (!output) return;
      if (c.string(`${path}.OutputName`, output.OutputName, { required: true })) {
        if (outNames.has(output.OutputName as string))
          c.add(`OutputName '${String(output.OutputName)}' is not unique`);
        outNames.add(output.OutputName as string);
      }
      if (output.FeatureStoreOutput) c.add(`${path}.FeatureStoreOutput is not supported by local-sagemaker`);
      const s3 = c.object(`${path}.S3Output`, output.S3Output, !output.FeatureStoreOutput);
      if (!s3) return;
      c.string(`${path}.S3Output.S3Uri`, s3.S3Uri, { required: true, max: 1024, pattern: P.DATA_URI });
      checkLocalPath(`${path}.S3Output.LocalPath`, s3.LocalPath);
      c.string(`${path}.S3Output.S3UploadMode`, s3.S3UploadMode, {
        required: true,
        enum: ['Continuous', 'EndOfJob'],
      });
    });
  }
  validateTags(c, body.Tags);
  c.throwIfInvalid();
  return body as unknown as CreateProcessingJobRequest;
}
