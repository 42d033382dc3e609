// The container side's in-memory reader against a 1 GiB bomb in 1 MB: refused with the heap bounded.
// Its own file (so its own worker): maxRSS is a high-water mark of the whole process.
import { ArchiveEntryError, readArchiveFiles } from '../src';
import { GiB, bombParts } from './support/bomb';

test('a 1 GiB bomb stops at the cap: error names the archive, peak RSS grows far less than 1 GiB', () => {
  const bomb = Buffer.concat([...bombParts(GiB, 'model.json')]);
  expect(bomb.length).toBeLessThan(1.1 * 1024 ** 2);
  const before = process.resourceUsage().maxRSS * 1024;
  let err: unknown;
  try {
    readArchiveFiles(bomb, 'model.tar.gz');
  } catch (e) {
    err = e;
  }
  const grew = process.resourceUsage().maxRSS * 1024 - before;
  expect(err).toBeInstanceOf(ArchiveEntryError);
  expect((err as Error).message).toMatch(
    /^Refused archive model\.tar\.gz: expands to more than \d+ bytes \(limits maxBytes 268435456, maxRatio 200\)$/,
  );
  // The cap is min(maxBytes, 200 x 1 MB): ~210 MB of output at most, never the whole GiB.
  expect(grew).toBeLessThan(400 * 1024 ** 2);
});
