import { S3Client } from '@aws-sdk/client-s3';
import { AwsEndpointConfig, toSdkClientOptions } from '../config/aws-endpoint-config';

export function createS3Client(cfg: AwsEndpointConfig): S3Client {
  return new S3Client({
    ...toSdkClientOptions(cfg),
    forcePathStyle: cfg.forcePathStyle ?? false,
    // Checksums only where S3 requires them: S3-compatible servers reject the newer default
    // aws-chunked CRC trailers, and AWS accepts both ways.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
