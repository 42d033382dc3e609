import { parseMetricSeries } from '../src';

const DEFS = [
  { name: 'validation:accuracy', regex: 'validation:accuracy=([0-9.eE+-]+)' },
  { name: 'train:loss', regex: 'train:loss=([0-9.eE+-]+)' },
];

// The container toolkit's `#metric <name>=<value> step=<n>` lines (libs/container/sagemaker-toolkit metrics.ts).
describe('parseMetricSeries', () => {
  it('turns the toolkit metric lines into one series per definition, steps from `step=`', () => {
    const events = [
      { timestamp: 1000, message: '#metric train:loss=0.9 step=0' },
      { timestamp: 1001, message: '#metric validation:accuracy=0.5 step=0' },
      { timestamp: 1002, message: 'training: unrelated line validation:accuracy=oops' },
      { timestamp: 1003, message: '#metric train:loss=0.4 step=1\n#metric validation:accuracy=0.75 step=1' },
    ];
    expect(parseMetricSeries(events, DEFS)).toEqual([
      { metric: 'train:loss', step: 0, value: 0.9, timestamp: 1000 },
      { metric: 'validation:accuracy', step: 0, value: 0.5, timestamp: 1001 },
      { metric: 'train:loss', step: 1, value: 0.4, timestamp: 1003 },
      { metric: 'validation:accuracy', step: 1, value: 0.75, timestamp: 1003 },
    ]);
  });

  it('numbers the points of a line without `step=` in order of appearance', () => {
    const events = ['accuracy 0.25', 'accuracy 0.5', 'accuracy 1e-1'].map((message, i) => ({
      timestamp: i,
      message,
    }));
    expect(
      parseMetricSeries(events, [{ name: 'acc', regex: 'accuracy ([0-9.eE+-]+)' }]).map((p) => [
        p.step,
        p.value,
      ]),
    ).toEqual([
      [0, 0.25],
      [1, 0.5],
      [2, 0.1],
    ]);
  });
});
