/** Caps that stop a hostile archive (zip bomb, millions of entries) before it fills a disk or the heap. */
export interface ArchiveLimits {
  /** Sum of the sizes of the regular files, as declared by their headers (checked before writing each). */
  maxBytes: number;
  /** Entries of any kind (files, directories, links). */
  maxEntries: number;
  /** Uncompressed tar bytes per compressed byte read, enforced once the output passes {@link RATIO_GRACE}. */
  maxRatio: number;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * Unpacking to disk. 4 GiB is far above any model artifact of this project (MiB) yet stops a bomb early;
 * real archives expand < 20x (weights ~1x, CSV/JSON ~10x) while gzip tops out near 1030x, so 200x only
 * catches runs of repeated bytes. Raise them per call when an archive really is that large.
 */
export const DEFAULT_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxBytes: 4 * GiB,
  maxEntries: 100_000,
  maxRatio: 200,
});

/** Reading an archive into memory (the container side's model.tar.gz): the whole tar is held at once. */
export const DEFAULT_MEMORY_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  ...DEFAULT_LIMITS,
  maxBytes: 256 * MiB,
});

/** Output below this size is never refused for its ratio: a few small files pad out to tar blocks of zeros. */
export const RATIO_GRACE = 16 * MiB;

/** Defaults overlaid with the caller's values; a non-positive or non-number limit is a programming error. */
export function resolveLimits(
  overrides: Partial<ArchiveLimits> | undefined,
  defaults: Readonly<ArchiveLimits>,
): ArchiveLimits {
  const limits = { ...defaults, ...overrides };
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !(value > 0)) {
      throw new RangeError(`archive limit ${key} must be a positive number, got ${JSON.stringify(value)}`);
    }
  }
  return limits;
}

/** The most uncompressed bytes `compressed` input bytes may expand to under `limits`. */
export function expansionCap(compressed: number, limits: ArchiveLimits): number {
  return Math.max(RATIO_GRACE, compressed * limits.maxRatio);
}
