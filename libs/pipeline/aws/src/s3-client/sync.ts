import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DeleteObjectsCommand, S3Client } from '@aws-sdk/client-s3';
import { directoryPrefix, formatS3Uri, parseS3Uri } from './s3-uri';
import { listObjects, S3ObjectSummary } from './list';
import { uploadFile } from './upload';
import { downloadFile, keyToRelativePath } from './download';
import { forEachConcurrent } from '../util/concurrency';
import { walkFiles, LocalFile } from '../util/walk-files';

export interface SyncOptions {
  concurrency?: number;
  /** Remove destination files/objects that are absent from the source. Default false. */
  delete?: boolean;
}

export interface SyncResult {
  /** Destination paths or URIs written. */
  transferred: string[];
  /** Destination paths or URIs removed (only with `delete`). */
  deleted: string[];
  /** Count of entries already up to date. */
  unchanged: number;
}

/**
 * One-way sync, `aws s3 sync` style: the direction follows whichever side is an `s3://` URI.
 * An entry is copied when missing at the destination or its size differs (like the CLI default,
 * size is the cheap comparison that works against every S3-compatible server).
 */
export async function syncDirectory(
  s3: S3Client,
  source: string,
  destination: string,
  opts: SyncOptions = {},
): Promise<SyncResult> {
  const srcIsS3 = source.startsWith('s3://');
  const dstIsS3 = destination.startsWith('s3://');
  if (srcIsS3 === dstIsS3) {
    throw new Error(
      `syncDirectory: exactly one of source (${JSON.stringify(source)}) and destination (${JSON.stringify(destination)}) must be an s3:// URI`,
    );
  }
  return srcIsS3 ? syncDown(s3, source, destination, opts) : syncUp(s3, source, destination, opts);
}

async function syncUp(s3: S3Client, dir: string, uriPrefix: string, opts: SyncOptions): Promise<SyncResult> {
  const { bucket, key } = parseS3Uri(uriPrefix);
  const prefix = directoryPrefix(key);
  const remote = new Map<string, S3ObjectSummary>();
  for await (const o of listObjects(s3, formatS3Uri({ bucket, key: prefix })))
    remote.set(o.key.slice(prefix.length), o);
  const result: SyncResult = { transferred: [], deleted: [], unchanged: 0 };
  const seen = new Set<string>();
  await forEachConcurrent(walkFiles(dir), opts.concurrency ?? 8, async (f: LocalFile) => {
    seen.add(f.relPath);
    const existing = remote.get(f.relPath);
    if (existing && existing.size === f.size) {
      result.unchanged++;
      return;
    }
    const up = await uploadFile(s3, f.absPath, formatS3Uri({ bucket, key: prefix + f.relPath }));
    result.transferred.push(up.uri);
  });
  if (opts.delete) {
    const stale = [...remote.keys()].filter((rel) => !seen.has(rel));
    for (let i = 0; i < stale.length; i += 1000) {
      const chunk = stale.slice(i, i + 1000);
      const res = await s3.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: chunk.map((rel) => ({ Key: prefix + rel })), Quiet: true },
        }),
      );
      if (res.Errors && res.Errors.length > 0) {
        throw new Error(`syncDirectory: could not delete ${res.Errors[0].Key}: ${res.Errors[0].Code}`);
      }
      result.deleted.push(...chunk.map((rel) => formatS3Uri({ bucket, key: prefix + rel })));
    }
  }
  result.transferred.sort();
  result.deleted.sort();
  return result;
}

async function syncDown(
  s3: S3Client,
  uriPrefix: string,
  dir: string,
  opts: SyncOptions,
): Promise<SyncResult> {
  const { bucket, key } = parseS3Uri(uriPrefix);
  const prefix = directoryPrefix(key);
  await fs.mkdir(dir, { recursive: true });
  const local = new Map<string, LocalFile>();
  for await (const f of walkFiles(dir)) local.set(f.relPath, f);
  const result: SyncResult = { transferred: [], deleted: [], unchanged: 0 };
  const seen = new Set<string>();
  await forEachConcurrent(
    listObjects(s3, formatS3Uri({ bucket, key: prefix })),
    opts.concurrency ?? 16,
    async (o) => {
      if (o.key.endsWith('/') && o.size === 0) return;
      const rel = keyToRelativePath(o.key, prefix, o.uri);
      seen.add(rel);
      const existing = local.get(rel);
      if (existing && existing.size === o.size) {
        result.unchanged++;
        return;
      }
      const target = path.join(dir, ...rel.split('/'));
      await downloadFile(s3, o.uri, target);
      result.transferred.push(target);
    },
  );
  if (opts.delete) {
    for (const [rel, f] of local) {
      if (seen.has(rel)) continue;
      await fs.rm(f.absPath, { force: true });
      result.deleted.push(f.absPath);
    }
  }
  result.transferred.sort();
  result.deleted.sort();
  return result;
}
