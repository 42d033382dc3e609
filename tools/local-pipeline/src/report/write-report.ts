import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `<dir>/run-<runId>.html` via a temp file + rename, so a reader never sees half a report. */
export function writeReport(dir: string, runId: string, html: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, reportFileName(runId));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, html, 'utf8');
  renameSync(tmp, file);
  return file;
}

/** The one naming rule of report files (the comparison links earlier ones by it). */
export function reportFileName(runId: string): string {
  return `run-${runId}.html`;
}
