#!/usr/bin/env node
// Image benchmarks (issue 7), run by hand on a machine with Docker (tools/ci/services.sh up):
//   1. size of every app image over its base image (target ≤ 5 MB for container apps);
//   2. rebuild after a one-line change in one app: time, and which layers were rebuilt;
//   3. cold and warm `nx run-many -t docker:build`.
// Usage: node tools/bench/images.mjs [--skip-cold]
// It edits apps/container-iris/src/main.ts for step 2 and restores it, whatever happens.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sh = (cmd, opts = {}) =>
  execSync(cmd, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts }).trim();
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };
const timed = (cmd) => {
  const t = process.hrtime.bigint();
  sh(cmd, { env, maxBuffer: 256 * 1024 * 1024 });
  return Number(process.hrtime.bigint() - t) / 1e9;
};
const mb = (bytes) => (bytes / 1e6).toFixed(2);
const size = (image) => Number(sh(`docker image inspect --format '{{.Size}}' ${image}`));
const layers = (image) => sh(`docker image inspect --format '{{json .RootFS.Layers}}' ${image}`);
const projects = JSON.parse(sh('npx nx show projects --withTarget docker:build --json', { env }));
const baseOf = (p) =>
  p.startsWith('container-')
    ? 'sagemaker-runtime'
    : p.startsWith('pipeline-') && p !== 'pipeline-runtime'
      ? 'pipeline-runtime'
      : null;

console.log(`machine: ${sh('nproc')} cores, docker ${sh("docker version -f '{{.Server.Version}}'")}`);

// 3a. cold: no Nx cache, no app or base images (node:24-bookworm-slim stays: it is the pulled/offline base).
if (!process.argv.includes('--skip-cold')) {
  sh('npx nx reset', { env });
  for (const p of projects) sh(`docker rmi -f ${p}:latest 2>/dev/null || true`, { shell: '/bin/bash' });
  sh('docker builder prune -af >/dev/null 2>&1 || true', { shell: '/bin/bash' });
  console.log(
    `cold  nx run-many -t docker:build (${projects.length} images): ${timed('npx nx run-many -t docker:build --outputStyle=static').toFixed(1)} s`,
  );
}
console.log(
  `warm  nx run-many -t docker:build: ${timed('npx nx run-many -t docker:build --outputStyle=static').toFixed(1)} s`,
);

// 1. sizes over the base
console.log('\nimage                    size MB   over base MB');
for (const p of projects.sort()) {
  const base = baseOf(p);
  const s = size(`${p}:latest`);
  console.log(
    `${p.padEnd(24)} ${mb(s).padStart(8)}   ${base ? mb(s - size(`${base}:latest`)).padStart(8) : '       -'}`,
  );
}

// 2. one-line change in one app
const file = join(root, 'apps/container-iris/src/main.ts');
const original = readFileSync(file, 'utf8');
const baseLayers = JSON.parse(layers('sagemaker-runtime:latest'));
const before = JSON.parse(layers('container-iris:latest'));
try {
  writeFileSync(
    file,
    `${original}\n(globalThis as Record<string, unknown>).__mlopsBench = '${Date.now()}';\n`,
  );
  const t = timed('npx nx run container-iris:docker:build --outputStyle=static');
  const after = JSON.parse(layers('container-iris:latest'));
  const changed = after.filter((l) => !before.includes(l)).length;
  const baseKept = baseLayers.every((l) => after.includes(l));
  console.log(
    `\nrebuild after a one-line change in container-iris: ${t.toFixed(1)} s; ${changed} new layer(s) of ${after.length}; base layers reused: ${baseKept}`,
  );
} finally {
  writeFileSync(file, original);
  sh('npx nx run container-iris:docker:build --outputStyle=static', { env });
}
