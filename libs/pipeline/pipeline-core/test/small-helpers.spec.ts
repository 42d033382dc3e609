import { failureText, findWorkspaceRoot, ProgressPrinter } from '../src';
import { REPO_ROOT } from './support/paths';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

describe('ProgressPrinter', () => {
  it('prints transitions with the clock and summary, and log lines indented by host', () => {
    const lines: string[] = [];
    const p = new ProgressPrinter(
      (l) => lines.push(l),
      () => Date.parse('2026-11-26T06:15:02Z'),
    );
    p.info('started');
    p.progress({
      kind: 'training',
      jobName: 'iris-training-r1',
      status: 'InProgress',
      secondaryStatus: 'Training',
      elapsedMs: 12_000,
      transitions: [],
      summary: 'InProgress / Training (12 s)',
    });
    p.log({ timestamp: 1, stream: 'iris-training-r1/algo-1-1', host: 'algo-1', message: 'epoch 1\n' });
    expect(lines).toEqual([
      '[06:15:02] started',
      '[06:15:02] iris-training-r1: InProgress / Training (12 s)',
      '  | [algo-1] epoch 1',
    ]);
  });
});

describe('findWorkspaceRoot', () => {
  it('walks up to the directory holding nx.json, else returns the start', () => {
    expect(findWorkspaceRoot(join(REPO_ROOT, 'libs', 'pipeline-core', 'src'))).toBe(REPO_ROOT);
    expect(findWorkspaceRoot(tmpdir())).toBe(tmpdir());
  });
});

describe('failureText', () => {
  it("puts the container's exit message first, keeping SageMaker's reason", () => {
    expect(
      failureText({
        exitMessage: 'iris.csv line 3: bad value\n',
        failureReason: 'AlgorithmError: See job logs',
      }),
    ).toBe('iris.csv line 3: bad value (AlgorithmError: See job logs)');
    expect(failureText({ failureReason: 'ClientError: no image' })).toBe('ClientError: no image');
    expect(failureText({ exitMessage: 'only this' })).toBe('only this');
    expect(failureText({})).toBeUndefined();
  });
});
