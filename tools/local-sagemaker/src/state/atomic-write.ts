import { renameSync, writeFileSync } from 'node:fs';

/** Write-then-rename, so a crash never leaves a half-written state file behind. */
export function writeFileAtomic(file: string, content: string, mode = 0o644): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, file);
}
