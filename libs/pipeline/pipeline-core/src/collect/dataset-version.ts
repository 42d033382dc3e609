import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Dataset version = sha256 over the sorted (name, sha256(content)) pairs: the same files give the same
 * version wherever they come from, and a renamed or edited file gives a new one. Streams each file.
 */
export async function datasetVersion(files: readonly { path: string; name: string }[]): Promise<string> {
  const entries: string[] = [];
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    entries.push(`${f.name}\0${await sha256File(f.path)}\n`);
  }
  return createHash('sha256').update(entries.join('')).digest('hex');
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
