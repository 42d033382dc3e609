import { splitByCriteria, toCmdArgs, toEnvVars } from '../src/lib/mapping';
import { fromJs, pyFloat, PyDict } from '../src/lib/py-value';

describe('mapping with plain JS input', () => {
  it('integral numbers are ints, pyFloat marks floats', () => {
    expect(toEnvVars({ a: 4, b: pyFloat(4), c: 0.5, d: 2n ** 64n })).toEqual({
      SM_A: '4',
      SM_B: '4.0',
      SM_C: '0.5',
      SM_D: '18446744073709551616',
    });
    expect(toCmdArgs({ b: pyFloat(4), a: [true, null], m: { z: null, y: 'v' } })).toEqual([
      '-a',
      '[True, None]',
      '-b',
      '4.0',
      '-m',
      'y=v,z=None',
    ]);
  });
  it('empty key maps to empty names, like Python', () => {
    expect(toEnvVars({ '': null })).toEqual({ '': '' });
    expect(toCmdArgs({ '': 'x' })).toEqual(['', 'x']);
  });
});

describe('splitByCriteria', () => {
  it('includes reserved keys and the prefix, keeps order', () => {
    const d = fromJs({
      sagemaker_program: 'a',
      epochs: 1,
      _tuning_objective_metric: 'x',
      sagemaker_mpi_enabled: true,
    }) as PyDict;
    const { included, excluded } = splitByCriteria(
      d,
      ['sagemaker_program', '_tuning_objective_metric'],
      'sagemaker_',
    );
    expect([...included.keys()]).toEqual([
      'sagemaker_program',
      '_tuning_objective_metric',
      'sagemaker_mpi_enabled',
    ]);
    expect([...excluded.keys()]).toEqual(['epochs']);
  });
});
