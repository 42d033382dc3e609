/** Parameter ranges of a tuning job and how one trial's values are drawn from them. */

export interface NumericRange {
  Name: string;
  MinValue: string;
  MaxValue: string;
  ScalingType?: 'Auto' | 'Linear' | 'Logarithmic' | 'ReverseLogarithmic';
}
export interface CategoricalRange {
  Name: string;
  Values: string[];
}
export interface ParameterRanges {
  IntegerParameterRanges?: NumericRange[];
  ContinuousParameterRanges?: NumericRange[];
  CategoricalParameterRanges?: CategoricalRange[];
}

/** A uniform draw in [0, 1). */
export type Random = () => number;

/** mulberry32: small, fast and good enough to spread trials; seeded so RandomSeed repeats a tuning job.
 *  ml-kit has the same generator, but a pipeline-side tool may not import a container lib. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `Auto` searches linearly here: the service "chooses the best scale", which for a random draw we cannot know. */
function scaled(range: NumericRange, u: number): number {
  const min = Number(range.MinValue);
  const max = Number(range.MaxValue);
  switch (range.ScalingType) {
    case 'Logarithmic':
      return Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
    case 'ReverseLogarithmic':
      return 1 - Math.exp(Math.log(1 - min) + u * (Math.log(1 - max) - Math.log(1 - min)));
    default:
      return min + u * (max - min);
  }
}

/** One random trial: every range drawn independently, in the order the request lists them. */
export function randomTrial(ranges: ParameterRanges, random: Random): Record<string, string> {
  const values: Record<string, string> = {};
  for (const r of ranges.IntegerParameterRanges ?? []) {
    const min = Number(r.MinValue);
    const max = Number(r.MaxValue);
    // Widen by one so both ends are as likely as the inner values, then clamp the rounding.
    const v = Math.floor(scaled({ ...r, MaxValue: String(max + 1) }, random()));
    values[r.Name] = String(Math.min(max, Math.max(min, v)));
  }
  for (const r of ranges.ContinuousParameterRanges ?? []) values[r.Name] = String(scaled(r, random()));
  for (const r of ranges.CategoricalParameterRanges ?? [])
    values[r.Name] = r.Values[Math.floor(random() * r.Values.length)];
  return values;
}

/** Every combination of the categorical values, the first range varying slowest (Grid strategy). */
export function gridTrials(ranges: CategoricalRange[]): Record<string, string>[] {
  let trials: Record<string, string>[] = [{}];
  for (const r of ranges) trials = trials.flatMap((t) => r.Values.map((v) => ({ ...t, [r.Name]: v })));
  return trials;
}

export function gridSize(ranges: CategoricalRange[]): number {
  return ranges.reduce((n, r) => n * r.Values.length, 1);
}
