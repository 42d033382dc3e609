import { exec } from './exec';

/** Labels written by the `docker:build` args in nx.json. */
export const REVISION_LABEL = 'org.opencontainers.image.revision';
export const DIRTY_LABEL = 'io.mlops.tree-dirty';

export interface LocalImage {
  ref: string;
  id: string;
  labels: Record<string, string>;
}

/** Inspects a local image; undefined when it does not exist. */
export function inspectLocalImage(ref: string): LocalImage | undefined {
  const r = exec('docker', ['image', 'inspect', '--format', '{{json .}}', ref]);
  if (r.status !== 0) return undefined;
  const info = JSON.parse(r.stdout) as { Id: string; Config?: { Labels?: Record<string, string> | null } };
  return { ref, id: info.Id, labels: info.Config?.Labels ?? {} };
}
