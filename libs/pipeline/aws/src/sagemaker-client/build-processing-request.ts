import type { CreateProcessingJobCommandInput, ProcessingInstanceType } from '@aws-sdk/client-sagemaker';
import type { ProcessingJobSpec } from './job-spec';
import { mapList, omitUndefined, toTagList } from './request-helpers';

type Req = CreateProcessingJobCommandInput;

/** Maps a ProcessingJobSpec onto a CreateProcessingJob input. Pure. */
export function buildProcessingJobRequest(spec: ProcessingJobSpec, jobName: string): Req {
  const network =
    spec.enableNetworkIsolation !== undefined || spec.vpc !== undefined
      ? omitUndefined({
          EnableNetworkIsolation: spec.enableNetworkIsolation,
          VpcConfig: spec.vpc
            ? { SecurityGroupIds: spec.vpc.securityGroupIds, Subnets: spec.vpc.subnets }
            : undefined,
        })
      : undefined;
  return omitUndefined({
    ProcessingJobName: jobName,
    RoleArn: spec.roleArn,
    AppSpecification: omitUndefined({
      ImageUri: spec.image,
      ContainerEntrypoint: spec.entrypoint,
      ContainerArguments: spec.arguments,
    }),
    ProcessingResources: {
      ClusterConfig: omitUndefined({
        InstanceCount: spec.instanceCount,
        InstanceType: spec.instanceType as ProcessingInstanceType,
        VolumeSizeInGB: spec.volumeSizeGb,
        VolumeKmsKeyId: spec.volumeKmsKeyId,
      }),
    },
    StoppingCondition: { MaxRuntimeInSeconds: spec.maxRuntimeSeconds },
    ProcessingInputs: mapList(spec.inputs, (i) => ({
      InputName: i.name,
      S3Input: omitUndefined({
        S3Uri: i.s3Uri,
        LocalPath: i.localPath,
        S3DataType: i.dataType ?? 'S3Prefix',
        S3InputMode: i.inputMode ?? 'File',
        S3DataDistributionType: i.distribution ?? 'FullyReplicated',
        S3CompressionType: i.compression,
      }),
    })) as Req['ProcessingInputs'],
    ProcessingOutputConfig:
      spec.outputs !== undefined
        ? omitUndefined({
            Outputs: mapList(spec.outputs, (o) => ({
              OutputName: o.name,
              S3Output: { S3Uri: o.s3Uri, LocalPath: o.localPath, S3UploadMode: o.uploadMode ?? 'EndOfJob' },
            })),
            KmsKeyId: spec.outputKmsKeyId,
          })
        : undefined,
    Environment: spec.environment,
    NetworkConfig: network,
    Tags: toTagList(spec.tags),
  }) as Req;
}
