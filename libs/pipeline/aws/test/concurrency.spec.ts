import { forEachConcurrent } from '../src/util/concurrency';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('forEachConcurrent', () => {
  test('never exceeds the limit and processes every item', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachConcurrent(
      Array.from({ length: 40 }, (_, i) => i),
      3,
      async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick(2);
        seen.push(i);
        inFlight--;
      },
    );
    expect(peak).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  test('pulls lazily from an async iterable', async () => {
    let produced = 0;
    async function* gen() {
      for (let i = 0; i < 100; i++) {
        produced++;
        yield i;
      }
    }
    await expect(
      forEachConcurrent(gen(), 2, async (i) => {
        if (i === 5) throw new Error('boom at 5');
        await tick(1);
      }),
    ).rejects.toThrow('boom at 5');
    // Fail-fast: the rest of the source was never pulled.
    expect(produced).toBeLessThan(10);
  });

  test('rejects a bad limit', async () => {
    await expect(forEachConcurrent([1], 0, async () => undefined)).rejects.toThrow(
      'concurrency must be an integer >= 1, got 0',
    );
  });
});
