import { formatThreshold, parseThreshold } from '../src';

describe('parseThreshold', () => {
  it.each([
    ['accuracy >= 0.9', { metric: 'accuracy', op: '>=', value: 0.9 }],
    ['rmse<=4.5', { metric: 'rmse', op: '<=', value: 4.5 }],
    ['validation:f1 > 1e-3', { metric: 'validation:f1', op: '>', value: 0.001 }],
    ['loss < -.5', { metric: 'loss', op: '<', value: -0.5 }],
  ])('%s', (text, expected) => {
    expect(parseThreshold(text)).toEqual(expected);
  });

  it.each(['accuracy', '>= 0.9', 'accuracy => 0.9', 'accuracy >= high', 'accuracy >= 0.9 or so'])(
    'rejects %s',
    (text) => {
      expect(parseThreshold(text)).toBeUndefined();
    },
  );

  it('round-trips through formatThreshold', () => {
    expect(formatThreshold({ metric: 'r2', op: '>=', value: 0.5 })).toBe('r2 >= 0.5');
  });
});
