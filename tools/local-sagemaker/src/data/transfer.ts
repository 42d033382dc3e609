import { cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { S3Client } from '@aws-sdk/client-s3';
import { basename, join } from 'node:path';
import {
  AwsEndpointConfig,
  createS3Client,
  downloadFile,
  downloadPrefix,
  objectExists,
  parseS3Uri,
  uploadDirectory,
  uploadFile,
} from '@mlops/aws';

/** Moves job data between the host and `s3://` (through @mlops/aws) or `file://` (plain copies). */
export class DataTransfer {
  private client: S3Client | undefined;

  constructor(private readonly s3Config: AwsEndpointConfig) {}

  /** Fills `dir` with everything under the URI (an S3 prefix or a local directory). */
  async download(uri: string, dir: string): Promise<void> {
    if (uri.startsWith('file://')) {
      cpSync(localPath(uri), dir, { recursive: true });
      return;
    }
    const s3Uri = toS3(uri);
    const { key } = parseS3Uri(s3Uri);
    // An S3Prefix that names one object (`s3://b/data/train.csv`) gives that file, under its own name, as
    // SageMaker does; a prefix of a "directory" gives everything under it.
    if (key !== '' && !key.endsWith('/') && (await objectExists(this.s3(), s3Uri))) {
      mkdirSync(dir, { recursive: true });
      await downloadFile(this.s3(), s3Uri, join(dir, basename(key)));
      return;
    }
    await downloadPrefix(this.s3(), s3Uri, dir);
  }

  async uploadDir(dir: string, uri: string): Promise<void> {
    if (uri.startsWith('file://')) {
      mkdirSync(localPath(uri), { recursive: true });
      cpSync(dir, localPath(uri), { recursive: true });
      return;
    }
    await uploadDirectory(this.s3(), dir, toS3(uri));
  }

  async uploadFile(file: string, uri: string): Promise<void> {
    if (uri.startsWith('file://')) {
      cpSync(file, localPath(uri));
      return;
    }
    await uploadFile(this.s3(), file, toS3(uri));
  }

  close(): void {
    this.client?.destroy();
    this.client = undefined;
  }

  private s3(): S3Client {
    this.client ??= createS3Client(this.s3Config);
    return this.client;
  }
}

/** `file:///data/x` → `/data/x`; the directory must exist (inputs are used in place). */
export function localPath(uri: string): string {
  return fileURLToPath(uri);
}

export function requireLocalDir(uri: string, what: string): string {
  const path = localPath(uri);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new Error(`${what}: ${uri} is not an existing directory`);
  return path;
}

/** The service also accepts `https://` S3 URLs; @mlops/aws speaks `s3://`. */
function toS3(uri: string): string {
  if (uri.startsWith('s3://')) return uri;
  const url = new URL(uri);
  const [bucket, ...key] = url.pathname.replace(/^\//, '').split('/');
  const virtualHost = /^(.+)\.s3[.-]/.exec(url.hostname);
  return virtualHost ? `s3://${virtualHost[1]}${url.pathname}` : `s3://${bucket}/${key.join('/')}`;
}

/** `<base>/<part>/<part>` for s3:// and file:// alike, with exactly one `/` between parts. */
export function joinUri(base: string, ...parts: string[]): string {
  return [base.replace(/\/+$/, ''), ...parts.map((p) => p.replace(/^\/+|\/+$/g, ''))].join('/');
}
