import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Dataset version = sha256 over the sorted (name, sha256(content)) pairs: the same files give the same
 * version wherever they come from, and a renamed or edited file gives a new one. Streams each file.
 */
export async function datasetVersion(files: readonly { path: string; name: string }[]): Promise<string> {
  const entries: { name: string; digest: string }[] = [];
  for (const f of files) entries.push({ name: f.name, digest: await sha256File(f.path) });
  return contentVersion(entries);
}

/**
 * The version rule itself, for any (name, content digest) pairs: local files (sha256) or S3 objects
 * (ETag, see cache/input-version). Order-independent.
 */
export function contentVersion(entries: readonly { name: string; digest: string }[]): string {
  const lines = [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => `${e.name}\0${e.digest}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}
