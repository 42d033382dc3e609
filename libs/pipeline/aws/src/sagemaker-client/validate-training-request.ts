import type { CreateTrainingJobCommandInput } from '@aws-sdk/client-sagemaker';
import { Checker } from './checker';
import type { Violation } from './errors';
import {
  P,
  TRAINING_INSTANCE_TYPES,
  TRAINING_MAX_RUNTIME,
  checkCommandList,
  checkEnvironment,
  checkJobName,
  checkKmsKey,
  checkRoleArn,
  checkS3Uri,
  checkTags,
  checkVpc,
} from './constraints';

const INPUT_MODES = ['Pipe', 'File', 'FastFile'];

/**
 * Checks a CreateTrainingJob input against every constraint in the reference, plus the project
 * rule for custom containers (AlgorithmSpecification, ResourceConfig with InstanceCount >= 1 and
 * VolumeSizeInGB >= 1, and StoppingCondition are required). Returns all violations.
 */
export function validateTrainingJobRequest(req: CreateTrainingJobCommandInput): Violation[] {
  const c = new Checker();
  checkJobName(c, 'TrainingJobName', req.TrainingJobName);
  checkRoleArn(c, req.RoleArn);

  const algo = req.AlgorithmSpecification;
  if (c.present('AlgorithmSpecification', algo, true) && algo) {
    c.string('AlgorithmSpecification.TrainingImage', algo.TrainingImage, {
      required: true,
      min: 1,
      max: 255,
    });
    c.oneOf('AlgorithmSpecification.TrainingInputMode', algo.TrainingInputMode, INPUT_MODES, true);
    checkCommandList(c, 'AlgorithmSpecification.ContainerEntrypoint', algo.ContainerEntrypoint);
    checkCommandList(c, 'AlgorithmSpecification.ContainerArguments', algo.ContainerArguments);
    c.list<{ Name?: unknown; Regex?: unknown }>(
      'AlgorithmSpecification.MetricDefinitions',
      algo.MetricDefinitions,
      {
        max: 40,
      },
    ).forEach((m, i) => {
      const path = `AlgorithmSpecification.MetricDefinitions[${i}]`;
      c.string(`${path}.Name`, m.Name, { required: true, min: 1, max: 255, pattern: '.+' });
      c.string(`${path}.Regex`, m.Regex, { required: true, min: 1, max: 500, pattern: '.+' });
    });
  }

  const hps = req.HyperParameters;
  c.stringMap('HyperParameters', hps, { maxEntries: 100, key: { max: 256 }, value: { max: 2500 } });

  const channels = c.list<NonNullable<CreateTrainingJobCommandInput['InputDataConfig']>[number]>(
    'InputDataConfig',
    req.InputDataConfig,
    { min: 1, max: 20 },
  );
  channels.forEach((ch, i) => {
    const path = `InputDataConfig[${i}]`;
    c.string(`${path}.ChannelName`, ch.ChannelName, {
      required: true,
      min: 1,
      max: 64,
      pattern: P.CHANNEL_NAME,
    });
    const s3 = ch.DataSource?.S3DataSource;
    const fsx = ch.DataSource?.FileSystemDataSource;
    if ((s3 === undefined) === (fsx === undefined)) {
      c.add(
        `${path}.DataSource`,
        ch.DataSource,
        'must set exactly one of S3DataSource or FileSystemDataSource',
      );
    }
    if (s3) {
      checkS3Uri(c, `${path}.DataSource.S3DataSource.S3Uri`, s3.S3Uri);
      c.oneOf(
        `${path}.DataSource.S3DataSource.S3DataType`,
        s3.S3DataType,
        ['ManifestFile', 'S3Prefix', 'AugmentedManifestFile', 'Converse'],
        true,
      );
      c.oneOf(`${path}.DataSource.S3DataSource.S3DataDistributionType`, s3.S3DataDistributionType, [
        'FullyReplicated',
        'ShardedByS3Key',
      ]);
    }
    if (fsx) {
      const fp = `${path}.DataSource.FileSystemDataSource`;
      c.string(`${fp}.FileSystemId`, fsx.FileSystemId, {
        required: true,
        min: 11,
        max: 21,
        pattern: P.FILE_SYSTEM_ID,
      });
      c.oneOf(`${fp}.FileSystemAccessMode`, fsx.FileSystemAccessMode, ['rw', 'ro'], true);
      c.oneOf(`${fp}.FileSystemType`, fsx.FileSystemType, ['EFS', 'FSxLustre'], true);
      c.string(`${fp}.DirectoryPath`, fsx.DirectoryPath, { required: true, max: 4096 });
    }
    c.string(`${path}.ContentType`, ch.ContentType, { max: 256 });
    c.oneOf(`${path}.CompressionType`, ch.CompressionType, ['None', 'Gzip']);
    c.oneOf(`${path}.RecordWrapperType`, ch.RecordWrapperType, ['None', 'RecordIO']);
    c.oneOf(`${path}.InputMode`, ch.InputMode, INPUT_MODES);
  });
  c.unique(
    'InputDataConfig',
    channels.map((ch) => ch.ChannelName),
    'ChannelName',
  );

  const out = req.OutputDataConfig;
  if (c.present('OutputDataConfig', out, true) && out) {
    checkS3Uri(c, 'OutputDataConfig.S3OutputPath', out.S3OutputPath);
    checkKmsKey(c, 'OutputDataConfig.KmsKeyId', out.KmsKeyId);
    c.oneOf('OutputDataConfig.CompressionType', out.CompressionType, ['GZIP', 'NONE']);
  }

  const res = req.ResourceConfig;
  if (c.present('ResourceConfig', res, true) && res) {
    c.oneOf('ResourceConfig.InstanceType', res.InstanceType, TRAINING_INSTANCE_TYPES, true);
    c.integer('ResourceConfig.InstanceCount', res.InstanceCount, {
      required: true,
      min: 1,
      note: 'project rule for custom containers',
    });
    c.integer('ResourceConfig.VolumeSizeInGB', res.VolumeSizeInGB, { required: true, min: 1 });
    checkKmsKey(c, 'ResourceConfig.VolumeKmsKeyId', res.VolumeKmsKeyId);
  }

  const stop = req.StoppingCondition;
  if (c.present('StoppingCondition', stop, true) && stop) {
    c.integer('StoppingCondition.MaxRuntimeInSeconds', stop.MaxRuntimeInSeconds, {
      required: true,
      min: 1,
      max: TRAINING_MAX_RUNTIME,
      note: 'service maximum is 28 days',
    });
  }

  checkTags(c, req.Tags);
  checkEnvironment(c, req.Environment, 512);
  checkVpc(c, 'VpcConfig', req.VpcConfig);
  if (req.CheckpointConfig !== undefined) {
    checkS3Uri(c, 'CheckpointConfig.S3Uri', req.CheckpointConfig.S3Uri);
    c.string('CheckpointConfig.LocalPath', req.CheckpointConfig.LocalPath, { max: 4096 });
  }
  c.boolean('EnableNetworkIsolation', req.EnableNetworkIsolation);
  return c.violations;
}
