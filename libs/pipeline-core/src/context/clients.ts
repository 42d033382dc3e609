import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AwsEndpointConfig, createS3Client, toSdkClientOptions } from '@mlops/aws';
import type { MlopsConfig } from '@mlops/config-reader';

export interface AwsClients {
  s3: S3Client;
  sagemaker: SageMakerClient;
  logs: CloudWatchLogsClient;
  destroy(): void;
}

/**
 * The clients for one environment. Endpoints come only from config (local stack vs AWS is a config
 * change, never a code branch); credentials from the SDK default chain.
 */
export function createAwsClients(config: MlopsConfig): AwsClients {
  const aws = config.aws;
  const base = (endpoint: string | undefined): AwsEndpointConfig => ({
    region: aws.region,
    endpoint,
    forcePathStyle: aws.forcePathStyle,
    maxAttempts: aws.maxAttempts,
    retryMode: aws.retryMode,
  });
  const s3 = createS3Client(base(aws.endpoints.s3));
  const sagemaker = new SageMakerClient(toSdkClientOptions(base(aws.endpoints.sagemaker)));
  const logs = new CloudWatchLogsClient(toSdkClientOptions(base(aws.endpoints.logs)));
  return {
    s3,
    sagemaker,
    logs,
    destroy() {
      s3.destroy();
      sagemaker.destroy();
      logs.destroy();
    },
  };
}
