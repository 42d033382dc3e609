/** A tar entry that safe extraction refuses; names the entry and the rule it breaks. */
export class ArchiveEntryError extends Error {
  override name = 'ArchiveEntryError';
  constructor(
    readonly archivePath: string,
    readonly entryPath: string,
    readonly reason: string,
  ) {
    super(`Unsafe entry ${JSON.stringify(entryPath)} in ${archivePath}: ${reason}`);
  }
}
