import { z } from 'zod';
import { hyperparameterReader, parseHyperparameters } from '../src/lib/hyperparameters';
import { HyperparameterError } from '../src/lib/errors';

describe('hyperparameterReader', () => {
  const hp = hyperparameterReader({
    epochs: 10,
    lr: 0.5,
    name: 'x',
    flag: true,
    pyflag: 'False',
    opt: 'adam',
    big: 2n ** 70n,
    l: [1],
  });

  it('returns typed values and defaults', () => {
    expect(hp.int('epochs')).toBe(10);
    expect(hp.float('lr')).toBe(0.5);
    expect(hp.float('epochs')).toBe(10);
    expect(hp.string('name')).toBe('x');
    expect(hp.bool('flag')).toBe(true);
    expect(hp.bool('pyflag')).toBe(false);
    expect(hp.oneOf('opt', ['sgd', 'adam'] as const)).toBe('adam');
    expect(hp.list('l')).toEqual([1]);
    expect(hp.int('missing', { default: 3 })).toBe(3);
    expect(hp.has('epochs')).toBe(true);
  });

  it('errors name the key, the expected type and the value', () => {
    expect(() => hp.int('lr')).toThrow(new HyperparameterError('lr', 'an integer', 0.5));
    expect(() => hp.int('lr')).toThrow('hyperparameter "lr": expected an integer, received 0.5');
    expect(() => hp.int('missing')).toThrow(
      'hyperparameter "missing": expected an integer, received nothing (missing)',
    );
    expect(() => hp.int('big')).toThrow(
      'hyperparameter "big": expected an integer, received 1180591620717411303424',
    );
    expect(() => hp.string('epochs')).toThrow('hyperparameter "epochs": expected a string, received 10');
    expect(() => hp.oneOf('name', ['a', 'b'])).toThrow(
      'hyperparameter "name": expected one of "a", "b", received "x"',
    );
    expect(() => hp.int('epochs', { min: 20 })).toThrow(
      'hyperparameter "epochs": expected an integer >= 20, received 10',
    );
  });
});

describe('parseHyperparameters with zod', () => {
  const schema = z.object({
    epochs: z.number().int(),
    lr: z.number().default(0.1),
    optimizer: z.enum(['sgd', 'adam']),
  });

  it('returns the parsed, typed object', () => {
    const out = parseHyperparameters(schema, { epochs: 3, optimizer: 'sgd' });
    expect(out).toEqual({ epochs: 3, lr: 0.1, optimizer: 'sgd' });
  });

  it('turns the first issue into a HyperparameterError', () => {
    expect(() => parseHyperparameters(schema, { epochs: 'ten', optimizer: 'sgd' })).toThrow(
      /^hyperparameter "epochs": expected number, received "ten"/,
    );
    expect(() => parseHyperparameters(schema, { optimizer: 'sgd' })).toThrow(
      /^hyperparameter "epochs": expected number, received nothing \(missing\)/,
    );
    expect(() => parseHyperparameters(schema, { epochs: 1, optimizer: 'rmsprop' })).toThrow(
      /^hyperparameter "optimizer": .*received "rmsprop"/,
    );
  });
});
