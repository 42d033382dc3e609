import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { downloadPrefix, joinS3Uri, uploadFile } from '@mlops/aws';
import { InputError } from '../errors/pipeline-errors';
import { datasetVersion } from './dataset-version';
import type { ResolvedSource } from './resolve-source';

export interface CollectedData {
  /** The run's raw prefix. */
  uri: string;
  datasetVersion: string;
  files: { name: string; uri: string; bytes: number }[];
}

/**
 * Copies the source's files under the run's raw prefix and computes the dataset version from exactly
 * the bytes uploaded. S3 sources are staged in a temp dir (bounded by the s3-client's streaming).
 */
export async function collectRaw(
  s3: S3Client,
  source: ResolvedSource,
  rawUri: string,
  opts: {
    /** The version this run already recorded: other content is refused before anything is uploaded. */
    expectVersion?: string;
  } = {},
): Promise<CollectedData> {
  let staged: string | undefined;
  try {
    let files: { path: string; name: string }[];
    if (source.kind === 's3') {
      staged = await mkdtemp(join(tmpdir(), 'collection-'));
      await downloadPrefix(s3, source.uri, staged);
      files = (await walk(staged)).map((p) => ({
        path: p,
        name: relative(staged as string, p)
          .split(sep)
          .join('/'),
      }));
      if (files.length === 0) throw new InputError(`source ${source.source}: no objects under it`);
    } else {
      files = source.files;
    }
    const version = await datasetVersion(files);
    if (opts.expectVersion !== undefined && opts.expectVersion !== version) {
      // Later batches of the run were built on the recorded data; mixing datasets in one run would lie.
      throw new InputError(
        `${rawUri} already holds dataset version ${opts.expectVersion}, but ${source.source} is now ` +
          `${version}; use a new --run-id`,
      );
    }
    const uploaded: CollectedData['files'] = [];
    for (const f of files) {
      const out = await uploadFile(s3, f.path, joinS3Uri(rawUri, f.name));
      uploaded.push({ name: f.name, uri: out.uri, bytes: out.bytes });
    }
    return { uri: rawUri, datasetVersion: version, files: uploaded };
  } finally {
    if (staged) await rm(staged, { recursive: true, force: true });
  }
}

/** Every regular file below `dir` (Node's recursive readdir; symlinks are not followed). */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
