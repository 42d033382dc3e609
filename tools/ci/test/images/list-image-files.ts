import { execFileSync } from 'node:child_process';
import type { SourceMapInfo } from './find-dev-files';

export interface ImageFiles {
  /** Every path (files and directories) outside /proc, /sys and /dev. */
  paths: string[];
  sourceMaps: SourceMapInfo[];
}

// Runs inside the image with its own Node (every image here has one): walks the filesystem and reads
// each source map, so no layer has to be exported. Paths are printed, never file contents.
const WALKER = `
const fs = require('fs');
const skip = new Set(['/proc', '/sys', '/dev']);
const paths = [];
const sourceMaps = [];
const walk = (dir) => {
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = (dir === '/' ? '' : dir) + '/' + e.name;
    if (skip.has(p)) continue;
    paths.push(p);
    if (e.isDirectory()) walk(p);
    else if (e.isFile() && p.endsWith('.map')) {
      let n = 0;
      try {
        const m = JSON.parse(fs.readFileSync(p, 'utf8'));
        (m.sources || []).forEach((s, i) => { if (/\\.(ts|tsx|mts|cts)$/.test(s) && m.sourcesContent && m.sourcesContent[i]) n++; });
      } catch {}
      sourceMaps.push({ path: p, embeddedTsSources: n });
    }
  }
};
walk('/');
process.stdout.write(JSON.stringify({ paths, sourceMaps }));
`;

/** The filesystem of `image` as its own Node sees it, in a throwaway container without network. */
export function listImageFiles(image: string): ImageFiles {
  const out = execFileSync(
    'docker',
    ['run', '--rm', '--network', 'none', '--entrypoint', 'node', image, '-e', WALKER],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(out) as ImageFiles;
}
