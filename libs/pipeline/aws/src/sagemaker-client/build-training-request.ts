import type { CreateTrainingJobCommandInput, Channel, TrainingInstanceType } from '@aws-sdk/client-sagemaker';
import type { ChannelSpec, TrainingJobSpec } from './job-spec';
import type { Violation } from './errors';
import { stringifyHyperparameters } from './hyperparameters';
import { mapList, omitUndefined, toTagList } from './request-helpers';

/**
 * Maps a TrainingJobSpec onto a CreateTrainingJob input. Pure: no I/O, no validation beyond what
 * the mapping itself needs (hyperparameter encoding problems are returned as violations).
 */
export function buildTrainingJobRequest(
  spec: TrainingJobSpec,
  jobName: string,
): { request: CreateTrainingJobCommandInput; violations: Violation[] } {
  const violations: Violation[] = [];
  let hyperParameters: Record<string, string> | undefined;
  if (spec.hyperparameters !== undefined) {
    if (
      spec.hyperparameters === null ||
      typeof spec.hyperparameters !== 'object' ||
      Array.isArray(spec.hyperparameters)
    ) {
      violations.push({
        path: 'hyperParameters',
        value: spec.hyperparameters,
        constraint: 'Member must be a map',
      });
    } else {
      const { values, problems } = stringifyHyperparameters(spec.hyperparameters);
      hyperParameters = values;
      for (const p of problems)
        violations.push({ path: `hyperParameters.${p.key}`, value: p.value, constraint: `Member ${p.rule}` });
    }
  }
  const request: CreateTrainingJobCommandInput = omitUndefined({
    TrainingJobName: jobName,
    RoleArn: spec.roleArn,
    AlgorithmSpecification: omitUndefined({
      TrainingImage: spec.image,
      TrainingInputMode: spec.inputMode ?? 'File',
      ContainerEntrypoint: spec.entrypoint,
      ContainerArguments: spec.arguments,
      MetricDefinitions: mapList(spec.metricDefinitions, (m) => ({ Name: m.name, Regex: m.regex })),
    }),
    HyperParameters: hyperParameters,
    InputDataConfig: mapList(spec.channels, toChannel),
    OutputDataConfig: omitUndefined({ S3OutputPath: spec.outputPath, KmsKeyId: spec.outputKmsKeyId }),
    ResourceConfig: omitUndefined({
      // Any string passes through; validation reports unknown types with the allowed list.
      InstanceType: spec.instanceType as TrainingInstanceType,
      InstanceCount: spec.instanceCount,
      VolumeSizeInGB: spec.volumeSizeGb,
      VolumeKmsKeyId: spec.volumeKmsKeyId,
    }),
    StoppingCondition: omitUndefined({
      MaxRuntimeInSeconds: spec.maxRuntimeSeconds,
      MaxWaitTimeInSeconds: spec.maxWaitTimeSeconds,
    }),
    EnableManagedSpotTraining: spec.useSpotTraining,
    Environment: spec.environment,
    Tags: toTagList(spec.tags),
    EnableNetworkIsolation: spec.enableNetworkIsolation,
    VpcConfig: spec.vpc
      ? { SecurityGroupIds: spec.vpc.securityGroupIds, Subnets: spec.vpc.subnets }
      : undefined,
    CheckpointConfig: spec.checkpoint
      ? omitUndefined({ S3Uri: spec.checkpoint.s3Uri, LocalPath: spec.checkpoint.localPath })
      : undefined,
  });
  return { request, violations };
}

function toChannel(ch: ChannelSpec): Channel {
  const common = omitUndefined({
    ChannelName: ch.name,
    ContentType: ch.contentType,
    CompressionType: ch.compression,
    InputMode: ch.inputMode,
  });
  if ('fileSystem' in ch && ch.fileSystem) {
    return {
      ...common,
      DataSource: {
        FileSystemDataSource: {
          FileSystemId: ch.fileSystem.id,
          FileSystemType: ch.fileSystem.type,
          FileSystemAccessMode: ch.fileSystem.accessMode,
          DirectoryPath: ch.fileSystem.directoryPath,
        },
      },
    } as Channel;
  }
  const s3 = ch as { s3Uri?: string; dataType?: string; distribution?: string };
  return {
    ...common,
    DataSource: {
      S3DataSource: omitUndefined({
        S3Uri: s3.s3Uri,
        S3DataType: s3.dataType ?? 'S3Prefix',
        S3DataDistributionType: s3.distribution ?? 'FullyReplicated',
      }),
    },
  } as Channel;
}
