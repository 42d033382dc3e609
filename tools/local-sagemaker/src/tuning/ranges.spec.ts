import { gridTrials, randomTrial, seededRandom } from './ranges';

const draws = (ranges: Parameters<typeof randomTrial>[0], n = 2000) => {
  const random = seededRandom(42);
  return Array.from({ length: n }, () => randomTrial(ranges, random));
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('drawing a trial from parameter ranges', () => {
  it('draws integers in [min, max], both ends included', () => {
    const values = draws({ IntegerParameterRanges: [{ Name: 'n', MinValue: '1', MaxValue: '3' }] }).map(
      (t) => t.n,
    );
    expect(new Set(values)).toEqual(new Set(['1', '2', '3']));
  });

  it('spreads Logarithmic draws evenly over the exponents (median near the geometric mean)', () => {
    const range = { Name: 'lr', MinValue: '0.0001', MaxValue: '1' };
    const log = draws({ ContinuousParameterRanges: [{ ...range, ScalingType: 'Logarithmic' }] }).map((t) =>
      Number(t.lr),
    );
    const linear = draws({ ContinuousParameterRanges: [{ ...range, ScalingType: 'Linear' }] }).map((t) =>
      Number(t.lr),
    );
    expect(Math.min(...log)).toBeGreaterThanOrEqual(0.0001);
    expect(Math.max(...log)).toBeLessThanOrEqual(1);
    expect(median(log)).toBeGreaterThan(0.005);
    expect(median(log)).toBeLessThan(0.02);
    expect(median(linear)).toBeGreaterThan(0.4);
    expect(median(linear)).toBeLessThan(0.6);
  });

  it('puts ReverseLogarithmic draws close to 1 (median near 1 - the geometric mean of 1 - x)', () => {
    const values = draws({
      ContinuousParameterRanges: [
        { Name: 'm', MinValue: '0', MaxValue: '0.999', ScalingType: 'ReverseLogarithmic' },
      ],
    }).map((t) => Number(t.m));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(0.999);
    expect(median(values)).toBeGreaterThan(0.95);
  });

  it('repeats the same draws for the same seed', () => {
    const ranges = { CategoricalParameterRanges: [{ Name: 'k', Values: ['a', 'b', 'c'] }] };
    expect(draws(ranges, 20)).toEqual(draws(ranges, 20));
    expect(new Set(draws(ranges, 200).map((t) => t.k))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('enumerates a grid with the first range varying slowest', () => {
    expect(
      gridTrials([
        { Name: 'a', Values: ['1', '2'] },
        { Name: 'b', Values: ['x', 'y'] },
      ]),
    ).toEqual([
      { a: '1', b: 'x' },
      { a: '1', b: 'y' },
      { a: '2', b: 'x' },
      { a: '2', b: 'y' },
    ]);
  });
});
