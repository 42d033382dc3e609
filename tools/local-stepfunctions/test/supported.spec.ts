import { unsupportedFeatures, type AslDefinition } from '../src';
import { scaleTimes } from '../src/run/scale-times';
import { ecsTask, fakeRunner, run } from './support/fixtures';

describe('unsupportedFeatures', () => {
  it('accepts the supported subset', () => {
    const def: AslDefinition = {
      StartAt: 'A',
      States: { A: ecsTask('a', "States.Array('x', $.m)", { End: true }) },
    };
    expect(unsupportedFeatures(def)).toEqual([]);
  });

  it('names every state type, resource and intrinsic it does not know, inside Maps too', () => {
    const def: AslDefinition = {
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [], Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'L',
            States: {
              L: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
              H: { Type: 'Pass', Parameters: { 'h.$': "States.Hash($.x, 'SHA-1')" }, End: true },
            },
          },
          Next: 'D',
        },
        D: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'X',
            States: { X: { Type: 'Succeed' } },
          },
          End: true,
        },
      },
    };
    expect(unsupportedFeatures(def)).toEqual([
      'state "P": type Parallel',
      'state "L": Task resource arn:aws:states:::lambda:invoke has no local handler',
      'state "H": intrinsic function States.Hash',
      'state "D": distributed Map (only inline Maps run locally)',
    ]);
  });

  it('refuses before any container runs', async () => {
    const f = fakeRunner();
    const def: AslDefinition = {
      StartAt: 'A',
      States: {
        A: ecsTask('a', ['x'], { Next: 'L' }),
        L: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true },
      },
    };
    await expect(run(def, {}, f.runner)).rejects.toThrow(
      'test: not supported by the local run: state "L": Task resource arn:aws:states:::sqs:sendMessage has no local handler',
    );
    expect(f.runs).toEqual([]);
  });
});

describe('scaleTimes', () => {
  it('scales Retry intervals (backoff kept) and Wait seconds, in nested Maps, on a copy', () => {
    const def: AslDefinition = {
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 60, Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'T',
            States: {
              T: {
                Type: 'Task',
                Retry: [{ ErrorEquals: ['X'], IntervalSeconds: 30, BackoffRate: 2 }],
                End: true,
              },
            },
          },
          End: true,
        },
      },
    };
    const scaled = scaleTimes(def, 0.1);
    expect(scaled.States.W.Seconds).toBeCloseTo(6);
    const inner = (scaled.States.M.ItemProcessor as AslDefinition).States.T;
    expect(inner.Retry).toEqual([{ ErrorEquals: ['X'], IntervalSeconds: 3, BackoffRate: 2 }]);
    expect(def.States.W.Seconds).toBe(60);
  });
});
