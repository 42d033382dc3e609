import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AwsEndpointConfig, createLogsClient, createS3Client, createSageMakerClient } from '@mlops/aws';
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
  const base = (endpoint: string | undefined) => endpointConfig(config, endpoint);
  const s3 = createS3Client(base(aws.endpoints.s3));
  const sagemaker = createSageMakerClient(base(aws.endpoints.sagemaker));
  const logs = createLogsClient(base(aws.endpoints.logs));
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

/** The SDK settings of one endpoint of the config (absent endpoint = AWS's regional default). */
export function endpointConfig(config: MlopsConfig, endpoint: string | undefined): AwsEndpointConfig {
  const aws = config.aws;
  return {
    region: aws.region,
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: aws.forcePathStyle,
    maxAttempts: aws.maxAttempts,
    retryMode: aws.retryMode,
  };
}
