import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AwsEndpointConfig, toSdkClientOptions } from '../config/aws-endpoint-config';

/** SageMaker API client; throttling is retried by the SDK per `retryMode` / `maxAttempts`. */
export function createSageMakerClient(cfg: AwsEndpointConfig): SageMakerClient {
  return new SageMakerClient(toSdkClientOptions(cfg));
}

/** CloudWatch Logs client for job log streaming (same endpoint as SageMaker when run locally). */
export function createLogsClient(cfg: AwsEndpointConfig): CloudWatchLogsClient {
  return new CloudWatchLogsClient(toSdkClientOptions(cfg));
}
