export type KeyPath = ReadonlyArray<PropertyKey>;

/** `['models', 'iris', 'thresholds', 0]` → `models.iris.thresholds[0]` (what users grep for in YAML). */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
