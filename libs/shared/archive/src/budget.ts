import { ArchiveLimits, expansionCap } from './limits';

/** Counts what an archive has produced so far against its limits; each method returns a reason or undefined. */
export class Budget {
  private entries = 0;
  private bytes = 0;
  private tarBytes = 0;

  constructor(private readonly limits: ArchiveLimits) {}

  /** One more entry whose header declares `size` bytes of file data. */
  entry(size: number): string | undefined {
    if (++this.entries > this.limits.maxEntries) {
      return `more than ${this.limits.maxEntries} entries (limit maxEntries)`;
    }
    this.bytes += size;
    if (this.bytes > this.limits.maxBytes) {
      return `files total more than ${this.limits.maxBytes} bytes (limit maxBytes)`;
    }
    return undefined;
  }

  /** `chunk` more uncompressed bytes, after `compressed` bytes of input. */
  expanded(chunk: number, compressed: number): string | undefined {
    this.tarBytes += chunk;
    if (this.tarBytes > expansionCap(compressed, this.limits)) {
      return (
        `expands ${this.tarBytes} bytes from ${compressed} compressed bytes, ` +
        `more than ${this.limits.maxRatio}x (limit maxRatio)`
      );
    }
    return undefined;
  }
}
