import { MetricParser } from '../src/metrics/metric-parser';

describe('MetricParser (MetricDefinitions over log lines)', () => {
  const defs = [
    { Name: 'train:loss', Regex: 'loss=([0-9.]+)' },
    { Name: 'validation:accuracy', Regex: 'accuracy=([0-9.]+)' },
  ];

  it('keeps the last value per metric, listed in definition order whatever order the lines came in', () => {
    const p = new MetricParser(defs);
    p.onLine('epoch=1 accuracy=0.5', 1);
    p.onLine('epoch=1 loss=0.9', 2);
    p.onLine('epoch=2 accuracy=0.93', 3);
    p.onLine('epoch=2 loss=0.333', 4);
    expect(p.final()).toEqual([
      { MetricName: 'train:loss', Value: 0.333, Timestamp: 4 },
      { MetricName: 'validation:accuracy', Value: 0.93, Timestamp: 3 },
    ]);
  });

  it('leaves out a metric never seen and a value that is not a number', () => {
    const p = new MetricParser(defs);
    p.onLine('accuracy=.', 1);
    p.onLine('accuracy=0.7', 2);
    expect(p.final()).toEqual([{ MetricName: 'validation:accuracy', Value: 0.7, Timestamp: 2 }]);
  });
});
