import { Checker } from './checker';
import * as P from './patterns';

export interface Channel {
  ChannelName: string;
  DataSource: {
    S3DataSource?: { S3Uri: string; S3DataType: string; S3DataDistributionType?: string };
    /** SDK local mode's shape for local data (`file_input`). */
    FileDataSource?: { FileUri: string; FileDataDistributionType?: string };
  };
  ContentType?: string;
  CompressionType?: string;
  RecordWrapperType?: string;
  InputMode?: string;
}

export interface CreateTrainingJobRequest {
  TrainingJobName: string;
  RoleArn: string;
  AlgorithmSpecification: {
    TrainingImage: string;
    TrainingInputMode: string;
    ContainerEntrypoint?: string[];
    ContainerArguments?: string[];
    MetricDefinitions?: { Name: string; Regex: string }[];
  };
  HyperParameters?: Record<string, string>;
  InputDataConfig?: Channel[];
  OutputDataConfig: { S3OutputPath: string; KmsKeyId?: string; CompressionType?: string };
  ResourceConfig: { InstanceType: string; InstanceCount: number; VolumeSizeInGB: number };
  StoppingCondition: { MaxRuntimeInSeconds?: number; MaxWaitTimeInSeconds?: number };
  Environment?: Record<string, string>;
  CheckpointConfig?: { S3Uri: string; LocalPath?: string };
  Tags?: { Key: string; Value: string }[];
  [other: string]: unknown;
}

/** Validates CreateTrainingJob against the API model plus the project rule for custom-container jobs
 *  (AlgorithmSpecification, ResourceConfig and StoppingCondition required). Throws ValidationException. */
export function validateCreateTrainingJob(body: Record<string, unknown>): CreateTrainingJobRequest {
  const c = new Checker();
  c.string('TrainingJobName', body.TrainingJobName, { required: true, min: 1, max: 63, pattern: P.JOB_NAME });
  c.string('RoleArn', body.RoleArn, { required: true, min: 20, max: 2048, pattern: P.ROLE_ARN });

  const algo = c.object('AlgorithmSpecification', body.AlgorithmSpecification, true);
  if (algo) {
    c.string('AlgorithmSpecification.TrainingImage', algo.TrainingImage, {
      required: true,
      min: 1,
      max: 255,
    });
    c.string('AlgorithmSpecification.TrainingInputMode', algo.TrainingInputMode, {
      required: true,
      enum: P.INPUT_MODES,
    });
    if (algo.TrainingInputMode === 'Pipe')
      c.add('Pipe input mode is not supported by local-sagemaker; use File or FastFile');
    stringList(c, 'AlgorithmSpecification.ContainerEntrypoint', algo.ContainerEntrypoint);
    stringList(c, 'AlgorithmSpecification.ContainerArguments', algo.ContainerArguments);
    const metrics = c.list('AlgorithmSpecification.MetricDefinitions', algo.MetricDefinitions, { max: 40 });
    metrics?.forEach((m, i) => {
      const path = `AlgorithmSpecification.MetricDefinitions.${i + 1}.member`;
      const def = c.object(path, m, true);
      if (!def) return;
      c.string(`${path}.Name`, def.Name, { required: true, min: 1, max: 255 });
      if (c.string(`${path}.Regex`, def.Regex, { required: true, min: 1, max: 500 })) {
        try {
          new RegExp(def.Regex as string);
        } catch (err) {
          c.add(
            `MetricDefinitions '${String(def.Name)}': invalid regex '${String(def.Regex)}': ${String(err)}`,
          );
        }
      }
    });
  }

  c.map('HyperParameters', body.HyperParameters, { max: 100, key: { max: 256 }, value: { max: 2500 } });
  c.map('Environment', body.Environment, {
    max: 100,
    key: { max: 512, pattern: P.ENV_KEY },
    value: { max: 512 },
  });

  const channels = c.list('InputDataConfig', body.InputDataConfig, { min: 1, max: 20 });
  const seen = new Set<string>();
  channels?.forEach((raw, i) => {
    const path = `InputDataConfig.${i + 1}.member`;
    const ch = c.object(path, raw, true);
    if (!ch) return;
    if (
      c.string(`${path}.ChannelName`, ch.ChannelName, {
        required: true,
        min: 1,
        max: 64,
        pattern: P.CHANNEL_NAME,
      })
    ) {
      if (seen.has(ch.ChannelName as string))
        c.add(`Channel names must be unique: '${String(ch.ChannelName)}'`);
      seen.add(ch.ChannelName as string);
    }
    c.string(`${path}.InputMode`, ch.InputMode, { enum: P.INPUT_MODES });
    if (ch.InputMode === 'Pipe')
      c.add('Pipe input mode is not supported by local-sagemaker; use File or FastFile');
    c.string(`${path}.CompressionType`, ch.CompressionType, { enum: ['None', 'Gzip'] });
    c.string(`${path}.ContentType`, ch.ContentType, { max: 256 });
    c.string(`${path}.RecordWrapperType`, ch.RecordWrapperType, { enum: ['None', 'RecordIO'] });
    const ds = c.object(`${path}.DataSource`, ch.DataSource, true);
    if (!ds) return;
    const s3 = c.object(`${path}.DataSource.S3DataSource`, ds.S3DataSource);
    const file = c.object(`${path}.DataSource.FileDataSource`, ds.FileDataSource);
    if (!s3 && !file)
      c.add(`Channel '${String(ch.ChannelName)}' needs DataSource.S3DataSource (or FileDataSource)`);
    if (s3) {
      c.string(`${path}.DataSource.S3DataSource.S3Uri`, s3.S3Uri, {
        required: true,
        max: 1024,
        pattern: P.DATA_URI,
      });
      c.string(`${path}.DataSource.S3DataSource.S3DataType`, s3.S3DataType, {
        required: true,
        enum: P.S3_DATA_TYPES,
      });
      if (s3.S3DataType && s3.S3DataType !== 'S3Prefix')
        c.add(`S3DataType '${String(s3.S3DataType)}' is not supported by local-sagemaker; use S3Prefix`);
      c.string(`${path}.DataSource.S3DataSource.S3DataDistributionType`, s3.S3DataDistributionType, {
        enum: P.DISTRIBUTIONS,
      });
    }
    if (file)
      c.string(`${path}.DataSource.FileDataSource.FileUri`, file.FileUri, {
        required: true,
        pattern: 'file://.+',
      });
  });

  const out = c.object('OutputDataConfig', body.OutputDataConfig, true);
  if (out) {
    c.string('OutputDataConfig.S3OutputPath', out.S3OutputPath, {
      required: true,
      max: 1024,
      pattern: P.DATA_URI,
    });
    c.string('OutputDataConfig.KmsKeyId', out.KmsKeyId, { max: 2048, pattern: '[a-zA-Z0-9:/_-]*' });
    c.string('OutputDataConfig.CompressionType', out.CompressionType, { enum: ['GZIP', 'NONE'] });
  }

  const res = c.object('ResourceConfig', body.ResourceConfig, true);
  if (res) {
    c.string('ResourceConfig.InstanceType', res.InstanceType, { required: true, pattern: P.INSTANCE_TYPE });
    c.integer('ResourceConfig.InstanceCount', res.InstanceCount, { required: true, min: 1 });
    c.integer('ResourceConfig.VolumeSizeInGB', res.VolumeSizeInGB, { required: true, min: 1 });
    if (res.InstanceType === 'local_gpu' && typeof res.InstanceCount === 'number' && res.InstanceCount > 1)
      c.add('Distributed Training in Local GPU is not supported');
  }

  const stop = c.object('StoppingCondition', body.StoppingCondition, true);
  if (stop) {
    c.integer('StoppingCondition.MaxRuntimeInSeconds', stop.MaxRuntimeInSeconds, { min: 1 });
    c.integer('StoppingCondition.MaxWaitTimeInSeconds', stop.MaxWaitTimeInSeconds, { min: 1 });
  }

  const checkpoint = c.object('CheckpointConfig', body.CheckpointConfig);
  if (checkpoint) {
    c.string('CheckpointConfig.S3Uri', checkpoint.S3Uri, { required: true, max: 1024, pattern: P.DATA_URI });
    c.string('CheckpointConfig.LocalPath', checkpoint.LocalPath, { max: 4096 });
  }
  validateTags(c, body.Tags);
  c.boolean('EnableNetworkIsolation', body.EnableNetworkIsolation);
  c.throwIfInvalid();
  return body as unknown as CreateTrainingJobRequest;
}

export function stringList(c: Checker, path: string, value: unknown): void {
  const items = c.list(path, value, { min: 1, max: 100 });
  items?.forEach((item, i) => c.string(`${path}.${i + 1}.member`, item, { required: true, max: 256 }));
}

export function validateTags(c: Checker, value: unknown): void {
  const tags = c.list('Tags', value, { max: 50 });
  tags?.forEach((raw, i) => {
    const tag = c.object(`Tags.${i + 1}.member`, raw, true);
    if (!tag) return;
    c.string(`Tags.${i + 1}.member.Key`, tag.Key, { required: true, min: 1, max: 128, pattern: P.TAG });
    c.string(`Tags.${i + 1}.member.Value`, tag.Value, { required: true, max: 256, pattern: P.TAG });
  });
}
