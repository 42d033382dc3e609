/** What the local stack reads from Create requests (validated before they get here, see ../validation). */

export interface Channel {
  ChannelName: string;
  DataSource: {
    S3DataSource?: {
      S3Uri: string;
      S3DataType: string;
      S3DataDistributionType?: string;
      /** Heterogeneous clusters: only hosts of these groups get the channel. */
      InstanceGroupNames?: string[];
    };
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
  /** InstanceType + InstanceCount, or InstanceGroups (a heterogeneous cluster). */
  ResourceConfig: {
    InstanceType?: string;
    InstanceCount?: number;
    VolumeSizeInGB: number;
    InstanceGroups?: { InstanceGroupName: string; InstanceType: string; InstanceCount: number }[];
  };
  StoppingCondition: { MaxRuntimeInSeconds?: number; MaxWaitTimeInSeconds?: number };
  Environment?: Record<string, string>;
  CheckpointConfig?: { S3Uri: string; LocalPath?: string };
  Tags?: { Key: string; Value: string }[];
  [other: string]: unknown;
}

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
