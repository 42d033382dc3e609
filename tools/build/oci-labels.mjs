#!/usr/bin/env node
// Prints the OCI labels every image gets, as `--label k=v` words for `docker build` (nx.json
// dockerBuildArgs): created, source, licenses, revision, version, and whether the tree was dirty.
// The source is the origin's web address when it is one; a local path would leak the builder's folders.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const git = (...args) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const origin = git('config', '--get', 'remote.origin.url')
  .replace(/^git@([^:]+):/, 'https://$1/')
  .replace(/\.git$/, '');
const labels = {
  'org.opencontainers.image.created': new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  'org.opencontainers.image.source': /^https:\/\/[^\s@]+$/.test(origin) ? origin : 'unknown',
  'org.opencontainers.image.licenses': pkg.license ?? 'NOASSERTION',
  'org.opencontainers.image.revision': git('rev-parse', 'HEAD') || 'unknown',
  'org.opencontainers.image.version': pkg.version,
  'io.mlops.tree-dirty': git('status', '--porcelain') === '' ? 'false' : 'true',
};
process.stdout.write(
  Object.entries(labels)
    .map(([k, v]) => `--label ${k}=${v}`)
    .join(' ') + '\n',
);
