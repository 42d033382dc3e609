// Prints the closing line of a CI run from the per-run records of jest-summary-reporter.js and
// fails when a test failed, when any was skipped (CI runs every test) or when none ran at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tmp', 'test-summary');
const runs = existsSync(dir)
  ? readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  : [];
const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
const byProject = new Map();
for (const r of runs) {
  const p = byProject.get(r.project) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const k of ['passed', 'failed', 'skipped']) p[k] += r[k];
  byProject.set(r.project, p);
}
for (const [project, c] of [...byProject].sort()) {
  console.log(
    `  ${project.padEnd(40)} ${String(c.passed).padStart(5)} passed ${String(c.failed).padStart(3)} failed`,
  );
}
const passed = sum('passed');
const failed = sum('failed');
const skipped = sum('skipped');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || skipped > 0 || passed === 0) process.exit(1);
