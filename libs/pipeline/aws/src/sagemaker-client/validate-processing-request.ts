import type { CreateProcessingJobCommandInput } from '@aws-sdk/client-sagemaker';
import { Checker } from './checker';
import type { Violation } from './errors';
import {
  PROCESSING_INSTANCE_TYPES,
  PROCESSING_MAX_RUNTIME,
  checkCommandList,
  checkEnvironment,
  checkJobName,
  checkKmsKey,
  checkRoleArn,
  checkS3Uri,
  checkTags,
  checkVpc,
} from './constraints';

const LOCAL_PREFIX = '/opt/ml/processing/';

/** Checks a CreateProcessingJob input against every constraint in the reference. */
export function validateProcessingJobRequest(req: CreateProcessingJobCommandInput): Violation[] {
  const c = new Checker();
  checkJobName(c, 'ProcessingJobName', req.ProcessingJobName);
  checkRoleArn(c, req.RoleArn);

  const app = req.AppSpecification;
  if (c.present('AppSpecification', app, true) && app) {
    c.string('AppSpecification.ImageUri', app.ImageUri, { required: true, min: 1, max: 255 });
    checkCommandList(c, 'AppSpecification.ContainerEntrypoint', app.ContainerEntrypoint);
    checkCommandList(c, 'AppSpecification.ContainerArguments', app.ContainerArguments);
  }

  const cluster = req.ProcessingResources?.ClusterConfig;
  if (c.present('ProcessingResources.ClusterConfig', cluster, true) && cluster) {
    const p = 'ProcessingResources.ClusterConfig';
    c.integer(`${p}.InstanceCount`, cluster.InstanceCount, { required: true, min: 1, max: 100 });
    c.oneOf(`${p}.InstanceType`, cluster.InstanceType, PROCESSING_INSTANCE_TYPES, true);
    c.integer(`${p}.VolumeSizeInGB`, cluster.VolumeSizeInGB, { required: true, min: 1, max: 16384 });
    checkKmsKey(c, `${p}.VolumeKmsKeyId`, cluster.VolumeKmsKeyId);
  }

  if (req.StoppingCondition !== undefined) {
    c.integer('StoppingCondition.MaxRuntimeInSeconds', req.StoppingCondition.MaxRuntimeInSeconds, {
      required: true,
      min: 1,
      max: PROCESSING_MAX_RUNTIME,
    });
  }

  const inputs = c.list<NonNullable<CreateProcessingJobCommandInput['ProcessingInputs']>[number]>(
    'ProcessingInputs',
    req.ProcessingInputs,
    { max: 10 },
  );
  inputs.forEach((input, i) => {
    const p = `ProcessingInputs[${i}]`;
    c.string(`${p}.InputName`, input.InputName, { required: true });
    c.boolean(`${p}.AppManaged`, input.AppManaged);
    const s3 = input.S3Input;
    if (s3 === undefined && input.DatasetDefinition === undefined) {
      c.add(`${p}.S3Input`, undefined, 'is required (or DatasetDefinition)');
    }
    if (s3) {
      checkS3Uri(c, `${p}.S3Input.S3Uri`, s3.S3Uri);
      c.string(`${p}.S3Input.LocalPath`, s3.LocalPath, { required: input.AppManaged !== true, max: 256 });
      if (typeof s3.LocalPath === 'string' && !s3.LocalPath.startsWith(LOCAL_PREFIX)) {
        c.add(`${p}.S3Input.LocalPath`, s3.LocalPath, `must begin with ${LOCAL_PREFIX}`);
      }
      c.oneOf(`${p}.S3Input.S3DataType`, s3.S3DataType, ['ManifestFile', 'S3Prefix'], true);
      c.oneOf(`${p}.S3Input.S3InputMode`, s3.S3InputMode, ['Pipe', 'File']);
      c.oneOf(`${p}.S3Input.S3DataDistributionType`, s3.S3DataDistributionType, [
        'FullyReplicated',
        'ShardedByS3Key',
      ]);
      c.oneOf(`${p}.S3Input.S3CompressionType`, s3.S3CompressionType, ['None', 'Gzip']);
    }
  });
  c.unique(
    'ProcessingInputs',
    inputs.map((x) => x.InputName),
    'InputName',
  );

  const outCfg = req.ProcessingOutputConfig;
  if (outCfg !== undefined) {
    const outputs = c.list<NonNullable<typeof outCfg.Outputs>[number]>(
      'ProcessingOutputConfig.Outputs',
      outCfg.Outputs,
      {
        required: true,
        max: 10,
      },
    );
    outputs.forEach((o, i) => {
      const p = `ProcessingOutputConfig.Outputs[${i}]`;
      c.string(`${p}.OutputName`, o.OutputName, { required: true });
      const s3 = o.S3Output;
      if (s3 === undefined && o.FeatureStoreOutput === undefined) {
        c.add(`${p}.S3Output`, undefined, 'is required (or FeatureStoreOutput)');
      }
      if (s3) {
        checkS3Uri(c, `${p}.S3Output.S3Uri`, s3.S3Uri);
        c.string(`${p}.S3Output.LocalPath`, s3.LocalPath, { max: 256 });
        if (typeof s3.LocalPath === 'string' && !s3.LocalPath.startsWith(LOCAL_PREFIX)) {
          c.add(`${p}.S3Output.LocalPath`, s3.LocalPath, `must begin with ${LOCAL_PREFIX}`);
        }
        c.oneOf(`${p}.S3Output.S3UploadMode`, s3.S3UploadMode, ['Continuous', 'EndOfJob'], true);
      }
    });
    c.unique(
      'ProcessingOutputConfig.Outputs',
      outputs.map((o) => o.OutputName),
      'OutputName',
    );
    checkKmsKey(c, 'ProcessingOutputConfig.KmsKeyId', outCfg.KmsKeyId);
  }

  checkEnvironment(c, req.Environment, 256);
  checkVpc(c, 'NetworkConfig.VpcConfig', req.NetworkConfig?.VpcConfig);
  c.boolean('NetworkConfig.EnableNetworkIsolation', req.NetworkConfig?.EnableNetworkIsolation);
  checkTags(c, req.Tags);
  return c.violations;
}
