import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { downloadFile } from '@mlops/aws';

/** Small job outputs (evaluation.json, predictions.csv) as text, through the s3-client's download. */
export async function readS3Text(s3: S3Client, uri: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pipeline-core-'));
  try {
    const file = join(dir, 'object');
    await downloadFile(s3, uri, file);
    return await readFile(file, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
