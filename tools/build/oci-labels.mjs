#!/usr/bin/env node
// Prints the OCI labels every image gets, as `--label k=v` words for `docker build` (nx.json
// dockerBuildArgs): created, source, licenses, revision, version, and whether the tree was dirty.
// The source is the origin's web address when it is one; a local path would leak the builder's folders.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Run from any project folder: the workspace is two levels above this file.
const root = join(import.meta.dirname, '..', '..');

const git = (...args) => {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const origin = git('config', '--get', 'remote.origin.url')
  .replace(/^git@([^:]+):/, 'https://$1/')
  .replace(/\.git$/, '');
const dirty = git('status', '--porcelain') !== '';
// The commit's time, not the build's, so that rebuilding a commit gives the same labels (and, with the
// layer cache, the same image ID that its immutable tag already names); a dirty tree is built now.
const commitTime = git('log', '-1', '--format=%cI');
const created = new Date(dirty || !commitTime ? Date.now() : commitTime)
  .toISOString()
  .replace(/\.\d+Z$/, 'Z');
const labels = {
  'org.opencontainers.image.created': created,
  'org.opencontainers.image.source': /^https:\/\/[^\s@]+$/.test(origin) ? origin : 'unknown',
  'org.opencontainers.image.licenses': pkg.license ?? 'NOASSERTION',
  'org.opencontainers.image.revision': git('rev-parse', 'HEAD') || 'unknown',
  'org.opencontainers.image.version': pkg.version,
  'io.mlops.tree-dirty': String(dirty),
};
process.stdout.write(
  Object.entries(labels)
    .map(([k, v]) => `--label ${k}=${v}`)
    .join(' ') + '\n',
);
