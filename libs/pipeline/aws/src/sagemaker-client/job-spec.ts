/** Typed, plain-data job specs. They map 1:1 onto CreateTrainingJob / CreateProcessingJob inputs. */

/** Any JSON value; non-strings are JSON-encoded when sent (see stringifyHyperparameters). */
export type HyperparameterValue =
  string | number | boolean | null | HyperparameterValue[] | { [key: string]: HyperparameterValue };

export type TrainingInputMode = 'File' | 'Pipe' | 'FastFile';

export interface S3ChannelSpec {
  name: string;
  s3Uri: string;
  /** Default `S3Prefix`. */
  dataType?: 'S3Prefix' | 'ManifestFile' | 'AugmentedManifestFile';
  distribution?: 'FullyReplicated' | 'ShardedByS3Key';
  contentType?: string;
  compression?: 'None' | 'Gzip';
  inputMode?: TrainingInputMode;
}

export interface FileSystemChannelSpec {
  name: string;
  fileSystem: { id: string; type: 'EFS' | 'FSxLustre'; accessMode: 'rw' | 'ro'; directoryPath: string };
  contentType?: string;
  compression?: 'None' | 'Gzip';
  inputMode?: TrainingInputMode;
}

export type ChannelSpec = S3ChannelSpec | FileSystemChannelSpec;

export interface MetricDefinitionSpec {
  name: string;
  regex: string;
}

export interface VpcSpec {
  securityGroupIds: string[];
  subnets: string[];
}

interface CommonJobSpec {
  /** Prefix for generated names (`<base>-<timestamp>`); ignored when prepare is given a job name. */
  baseJobName?: string;
  image: string;
  roleArn: string;
  instanceType: string;
  instanceCount: number;
  volumeSizeGb: number;
  maxRuntimeSeconds: number;
  entrypoint?: string[];
  arguments?: string[];
  environment?: Record<string, string>;
  tags?: Record<string, string>;
  enableNetworkIsolation?: boolean;
  vpc?: VpcSpec;
  /** KMS key (id, ARN or alias) for the ML storage volumes of the job's instances. */
  volumeKmsKeyId?: string;
}

export interface TrainingJobSpec extends CommonJobSpec {
  /** Default `File`. */
  inputMode?: TrainingInputMode;
  hyperparameters?: Record<string, HyperparameterValue>;
  channels?: ChannelSpec[];
  /** S3 prefix; SageMaker writes `<outputPath>/<job>/output/model.tar.gz`. */
  outputPath: string;
  outputKmsKeyId?: string;
  metricDefinitions?: MetricDefinitionSpec[];
  checkpoint?: { s3Uri: string; localPath?: string };
  /** Managed spot training; needs `maxWaitTimeSeconds` >= `maxRuntimeSeconds` (and a checkpoint to resume). */
  useSpotTraining?: boolean;
  maxWaitTimeSeconds?: number;
}

export interface ProcessingInputSpec {
  name: string;
  s3Uri: string;
  /** Must start with `/opt/ml/processing/`. */
  localPath: string;
  dataType?: 'S3Prefix' | 'ManifestFile';
  inputMode?: 'File' | 'Pipe';
  distribution?: 'FullyReplicated' | 'ShardedByS3Key';
  compression?: 'None' | 'Gzip';
}

export interface ProcessingOutputSpec {
  name: string;
  s3Uri: string;
  /** Must start with `/opt/ml/processing/`. */
  localPath: string;
  /** Default `EndOfJob`. */
  uploadMode?: 'EndOfJob' | 'Continuous';
}

export interface ProcessingJobSpec extends CommonJobSpec {
  inputs?: ProcessingInputSpec[];
  outputs?: ProcessingOutputSpec[];
  outputKmsKeyId?: string;
}

export type JobKind = 'training' | 'processing';
