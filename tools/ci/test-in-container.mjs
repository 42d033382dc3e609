#!/usr/bin/env node
// Runs a project's unit tests inside its built image (`<project>:latest`), so the OS, Node and
// runtime files are the production ones. The workspace (sources, node_modules) is mounted; the
// image's entrypoint is bypassed so jest runs directly.
// Usage: node tools/ci/test-in-container.mjs <project> <projectRoot> [extra jest args...]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [project, projectRoot, ...jestArgs] = process.argv.slice(2);
if (!project || !projectRoot) {
  console.error('usage: test-in-container.mjs <project> <projectRoot> [jest args...]');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const config = join(projectRoot, 'jest.config.js');
if (!existsSync(join(root, config))) {
  console.error(`${project}: no ${config}`);
  process.exit(2);
}
const image = `${project}:latest`;
const inspect = spawnSync('docker', ['image', 'inspect', image], { stdio: 'ignore' });
if (inspect.status !== 0) {
  console.error(`${project}: image ${image} not found (run \`npx nx run ${project}:docker:build\`)`);
  process.exit(1);
}
const uid = process.getuid?.() ?? 0;
const gid = process.getgid?.() ?? 0;
const args = [
  'run',
  '--rm',
  '--init',
  '--user',
  `${uid}:${gid}`,
  '--entrypoint',
  'node',
  '-v',
  `${root}:/workspace`,
  '-w',
  '/workspace',
  '-e',
  'HOME=/tmp',
  '-e',
  'CI=true',
  '-e',
  'FORCE_COLOR=0',
  image,
  'node_modules/jest/bin/jest.js',
  '-c',
  config,
  '--globalSetup',
  '/workspace/tools/ci/assert-in-container.js',
  '--ci',
  ...jestArgs,
];
console.log(`docker ${args.join(' ')}`);
const r = spawnSync('docker', args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
