// A barrel like the libs' index.ts: re-exports a module no code path of the batch reaches.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
export { unused } from './unreached';

export async function runTrainingBatch(): Promise<void> {
  await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
}
