import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MlopsConfig } from '@mlops/config-reader';
import type { BindMount } from './docker-run-args';
import type { Phase } from './phases';

export interface BatchMountInput {
  config: Pick<MlopsConfig, 'db' | 'models'>;
  /** Absolute config dir handed to the batch as `--config-dir`. */
  configDir: string;
  /** The batch container's working directory; without nx.json inside, it is also its workspace root. */
  repoRoot: string;
  phase: Phase;
  model: string;
}

/**
 * The host paths a batch reads or writes through its config, bound at the same absolute paths:
 * the config dir (read-only); for collection, the model's local source (`builtin:` → `<repo>/data`,
 * `file://` → that path; read-only); the SQLite file's directory (read-write, with its WAL files).
 * The local stack's state and the report dir are the orchestrator's, not the batches'.
 */
export function batchMounts(input: BatchMountInput): BindMount[] {
  const mounts: BindMount[] = [{ path: input.configDir, readOnly: true }];
  if (input.phase === 'collection') {
    const source = input.config.models[input.model]?.source;
    if (source?.startsWith('builtin:')) mounts.push({ path: join(input.repoRoot, 'data'), readOnly: true });
    else if (source?.startsWith('file://')) mounts.push({ path: fileURLToPath(source), readOnly: true });
  }
  if (input.config.db.type === 'sqlite')
    mounts.push({ path: dirname(input.config.db.path), readOnly: false });
  return dedupe(mounts);
}

/** One mount per path; read-write wins when a path is wanted both ways. */
function dedupe(mounts: BindMount[]): BindMount[] {
  const byPath = new Map<string, BindMount>();
  for (const m of mounts) {
    const seen = byPath.get(m.path);
    byPath.set(m.path, { path: m.path, readOnly: (seen?.readOnly ?? true) && m.readOnly });
  }
  return [...byPath.values()];
}
