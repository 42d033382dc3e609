/**
 * Why an archive was refused: names the archive, the entry (when one is to blame) and the rule it breaks.
 * One class for unsafe entries, limits and corrupt data, so callers handle a single error type.
 */
export class ArchiveEntryError extends Error {
  override name = 'ArchiveEntryError';
  constructor(
    readonly archivePath: string,
    /** The offending entry, or '' when the archive as a whole is at fault (corrupt gzip, no tar). */
    readonly entryPath: string,
    readonly reason: string,
  ) {
    super(
      entryPath === ''
        ? `Refused archive ${archivePath}: ${reason}`
        : `Unsafe entry ${JSON.stringify(entryPath)} in ${archivePath}: ${reason}`,
    );
  }
}
