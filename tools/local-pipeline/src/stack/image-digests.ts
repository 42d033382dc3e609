import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { resolveImage } from '@mlops/local-sagemaker';
import { datasetVersion } from '@mlops/pipeline-core';

const INSPECT_TIMEOUT_MS = 10_000;

/**
 * What each model image runs as, for the batches' step cache key (pipeline-core IMAGE_DIGESTS_ENV):
 * on the docker runtime the image's content Id (`docker image inspect`), on the process runtime the
 * hash of the app bundle the local SageMaker runs instead (`apps/<image>/dist`, its own resolution).
 * An image whose digest cannot be read is left out: its steps are simply not cached.
 */
export async function imageDigests(
  runtime: string,
  images: readonly string[],
  appsRoot: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const image of new Set(images)) {
    const digest = runtime === 'docker' ? await dockerImageId(image) : await bundleDigest(image, appsRoot);
    if (digest !== undefined) out[image] = digest;
  }
  return out;
}

function dockerImageId(image: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      ['image', 'inspect', '--format', '{{.Id}}', image],
      { timeout: INSPECT_TIMEOUT_MS },
      (err, stdout) => resolve(err === null && stdout.trim() !== '' ? stdout.trim() : undefined),
    );
  });
}

async function bundleDigest(image: string, appsRoot: string): Promise<string | undefined> {
  let dir: string;
  try {
    dir = resolveImage(image, {}, appsRoot).workdir;
  } catch {
    return undefined;
  }
  const files = (await walk(dir)).map((path) => ({ path, name: relative(dir, path).split(sep).join('/') }));
  return `bundle:${await datasetVersion(files)}`;
}

/** Every regular file below `dir` (Node's recursive readdir; symlinks are not followed). */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
