import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateProcessingJobRequest } from '../jobs/requests';
import type { CreateTrainingJobRequest } from '../jobs/requests';
import type { ClusterHost } from '../jobs/cluster';
import { channelReaches, instanceGroups } from '../jobs/cluster';

export const hostNames = (count: number) => Array.from({ length: count }, (_, i) => `algo-${i + 1}`);

const writeJson = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 2));

/** Creates one host's training `/opt/ml` (input/config, input/data, model, output/data, checkpoints)
 *  and writes the three config files as SageMaker does. Returns the folder. */
export function layoutTrainingHost(
  optMlDir: string,
  req: CreateTrainingJobRequest,
  host: ClusterHost,
  cluster: ClusterHost[],
): string {
  for (const dir of ['input/config', 'input/data', 'model', 'output/data', 'code'])
    mkdirSync(join(optMlDir, dir), { recursive: true });
  if (req.CheckpointConfig) mkdirSync(join(optMlDir, 'checkpoints'), { recursive: true });
  const config = join(optMlDir, 'input/config');
  writeJson(join(config, 'hyperparameters.json'), req.HyperParameters ?? {});
  const inputData: Record<string, Record<string, string>> = {};
  for (const ch of (req.InputDataConfig ?? []).filter((c) => channelReaches(c, host))) {
    inputData[ch.ChannelName] = {
      ...(ch.ContentType !== undefined ? { ContentType: ch.ContentType } : {}),
      TrainingInputMode: ch.InputMode ?? req.AlgorithmSpecification.TrainingInputMode,
      S3DistributionType: ch.DataSource.S3DataSource?.S3DataDistributionType ?? 'FullyReplicated',
      RecordWrapperType: ch.RecordWrapperType ?? 'None',
    };
  }
  writeJson(join(config, 'inputdataconfig.json'), inputData);
  writeJson(join(config, 'resourceconfig.json'), {
    current_host: host.host,
    current_instance_type: host.instanceType,
    current_group_name: host.group,
    hosts: cluster.map((h) => h.host),
    instance_groups: instanceGroups(cluster),
    network_interface_name: 'eth0',
  });
  return optMlDir;
}

/** Creates one host's processing `/opt/ml` (config, output, processing/...) and writes
 *  `/opt/ml/config/processingjobconfig.json` and `resourceconfig.json`. */
export function layoutProcessingHost(
  optMlDir: string,
  req: CreateProcessingJobRequest,
  arn: string,
  host: string,
  hosts: string[],
): string {
  for (const dir of ['config', 'output', 'processing']) mkdirSync(join(optMlDir, dir), { recursive: true });
  const cluster = req.ProcessingResources.ClusterConfig;
  writeJson(join(optMlDir, 'config/processingjobconfig.json'), {
    ProcessingJobArn: arn,
    ProcessingJobName: req.ProcessingJobName,
    AppSpecification: {
      ImageUri: req.AppSpecification.ImageUri,
      ContainerEntrypoint: req.AppSpecification.ContainerEntrypoint ?? null,
      ContainerArguments: req.AppSpecification.ContainerArguments ?? null,
    },
    Environment: req.Environment ?? {},
    ProcessingInputs: (req.ProcessingInputs ?? []).map((input) => ({
      InputName: input.InputName,
      AppManaged: input.AppManaged ?? false,
      S3Input: {
        S3DataDistributionType: 'FullyReplicated',
        S3InputMode: 'File',
        S3CompressionType: 'None',
        S3DownloadMode: 'StartOfJob',
        ...input.S3Input,
      },
    })),
    ProcessingOutputConfig: {
      Outputs: req.ProcessingOutputConfig?.Outputs ?? [],
      KmsKeyId: req.ProcessingOutputConfig?.KmsKeyId ?? null,
    },
    ProcessingResources: {
      ClusterConfig: { ...cluster, VolumeKmsKeyId: null },
    },
    RoleArn: req.RoleArn,
    StoppingCondition: { MaxRuntimeInSeconds: req.StoppingCondition?.MaxRuntimeInSeconds ?? 86400 },
  });
  writeJson(join(optMlDir, 'config/resourceconfig.json'), { current_host: host, hosts });
  return optMlDir;
}
