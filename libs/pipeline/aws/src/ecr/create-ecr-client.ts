import { ECRClient } from '@aws-sdk/client-ecr';
import { AwsEndpointConfig, toSdkClientOptions } from '../config/aws-endpoint-config';

export function createEcrClient(cfg: AwsEndpointConfig): ECRClient {
  return new ECRClient(toSdkClientOptions(cfg));
}
