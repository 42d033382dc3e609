import type { AslDefinition } from '../src';
import { ecsTask, fakeRunner, run } from './support/fixtures';

// The ASL semantics the synthesized machines rely on, with the container runner as the boundary.
describe('Task ecs:runTask.sync', () => {
  it('runs the task definition image with the override command, and waits for it', async () => {
    const f = fakeRunner();
    const def: AslDefinition = {
      StartAt: 'A',
      States: { A: ecsTask('a', "States.Array('--model', $.m)", { ResultPath: '$.task', End: true }) },
    };
    const { outcome } = await run(def, { m: 'iris' }, f.runner);
    expect(f.runs.map((r) => [r.image, r.command])).toEqual([['pipeline-a:latest', ['--model', 'iris']]]);
    expect(f.runs[0].labels).toEqual({ 'io.mlops.local-stepfunctions.execution': 'exec-1' });
    expect(outcome).toMatchObject({
      status: 'SUCCEEDED',
      output: { m: 'iris', task: { LastStatus: 'STOPPED', Containers: [{ Name: 'batch', ExitCode: 0 }] } },
    });
  });

  it('a non-zero exit is States.TaskFailed whose Cause is the stopped task (Containers[0].ExitCode)', async () => {
    const f = fakeRunner(() => 3);
    const def: AslDefinition = { StartAt: 'A', States: { A: ecsTask('a', ['x'], { End: true }) } };
    const { outcome } = await run(def, {}, f.runner);
    expect(outcome.status).toBe('FAILED');
    if (outcome.status !== 'FAILED') return;
    expect(outcome.error).toBe('States.TaskFailed');
    expect(JSON.parse(outcome.cause)).toMatchObject({
      StopCode: 'EssentialContainerExited',
      Containers: [{ Name: 'batch', Image: 'pipeline-a:latest', ExitCode: 3 }],
    });
  });

  it('a task that never started has no exit code (TaskFailedToStart), as on ECS', async () => {
    const f = fakeRunner(() => ({
      started: false,
      exitCode: null,
      reason: 'No such image: pipeline-a:latest',
    }));
    const def: AslDefinition = { StartAt: 'A', States: { A: ecsTask('a', ['x'], { End: true }) } };
    const { outcome } = await run(def, {}, f.runner);
    if (outcome.status !== 'FAILED') throw new Error('expected a failure');
    const cause = JSON.parse(outcome.cause);
    expect(cause.StopCode).toBe('TaskFailedToStart');
    expect(cause.StoppedReason).toContain('No such image: pipeline-a:latest');
    expect(cause.Containers[0].ExitCode).toBeUndefined();
  });
});

describe('Retry', () => {
  const retrying = (retry: Record<string, unknown>): AslDefinition => ({
    StartAt: 'A',
    States: { A: ecsTask('a', ['x'], { Retry: [retry], End: true }) },
  });

  it('reruns a matching error up to MaxAttempts more times, then fails', async () => {
    const f = fakeRunner(() => 1);
    const { outcome, lines } = await run(
      retrying({ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 30, BackoffRate: 2, MaxAttempts: 2 }),
      {},
      f.runner,
    );
    expect(f.runs).toHaveLength(3);
    expect(outcome.status).toBe('FAILED');
    expect(lines.filter((l) => l.startsWith('↻ A'))).toEqual(['↻ A: retry 1', '↻ A: retry 2']);
  });

  it('stops retrying once the task succeeds', async () => {
    const f = fakeRunner((_, n) => (n < 2 ? 130 : 0));
    const { outcome } = await run(retrying({ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }), {}, f.runner);
    expect(f.runs).toHaveLength(2);
    expect(outcome.status).toBe('SUCCEEDED');
  });

  it('does not retry errors it does not list (ECS API errors only, as infra retries natively)', async () => {
    const f = fakeRunner(() => 1);
    await run(retrying({ ErrorEquals: ['ECS.AmazonECSException'], MaxAttempts: 3 }), {}, f.runner);
    expect(f.runs).toHaveLength(1);
  });

  it('every container of an execution has its own name', async () => {
    const f = fakeRunner(() => 1);
    await run(retrying({ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }), {}, f.runner);
    expect(new Set(f.runs.map((r) => r.name)).size).toBe(3);
    expect(f.runs[0].name).toBe('lsf-exec-1-1-A');
  });
});

describe('Catch', () => {
  const def: AslDefinition = {
    StartAt: 'A',
    States: {
      A: ecsTask('a', ['x'], {
        Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'Handle' }],
        Next: 'Done',
      }),
      Handle: {
        Type: 'Pass',
        Parameters: { 'code.$': 'States.StringToJson($.failure.Cause)', 'model.$': '$.m' },
        Next: 'Failed',
      },
      Failed: { Type: 'Fail', Error: 'BatchFailed', Cause: 'a failed' },
      Done: { Type: 'Succeed' },
    },
  };

  it('routes a task failure to Next with the error at ResultPath, keeping the input', async () => {
    const f = fakeRunner(() => 2);
    const { outcome, lines } = await run(def, { m: 'mpg' }, f.runner);
    expect(outcome).toEqual({ status: 'FAILED', error: 'BatchFailed', cause: 'a failed' });
    expect(lines).toContain('⤷ A: caught → Handle');
    expect(lines).toContain('→ Handle');
  });

  it('goes on to Next when the task succeeds', async () => {
    const { outcome, lines } = await run(def, { m: 'mpg' }, fakeRunner(() => 0).runner);
    expect(outcome.status).toBe('SUCCEEDED');
    expect(lines).not.toContain('→ Handle');
  });
});

describe('Map', () => {
  const mapDef = (maxConcurrency?: number): AslDefinition => ({
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ItemsPath: '$.models',
        ItemSelector: { 'model.$': '$$.Map.Item.Value', 'runId.$': '$.runId' },
        ...(maxConcurrency === undefined ? {} : { MaxConcurrency: maxConcurrency }),
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'A',
          States: {
            A: ecsTask('a', "States.Array('--model', $.model, '--run-id', $.runId)", {
              ResultPath: null,
              Next: 'B',
            }),
            B: { Type: 'Pass', Parameters: { 'model.$': '$.model', status: 'ok' }, End: true },
          },
        },
        ResultPath: '$.results',
        End: true,
      },
    },
  });

  it('runs the processor once per item with ItemSelector input, results in order at ResultPath', async () => {
    const f = fakeRunner();
    const { outcome } = await run(mapDef(), { models: ['iris', 'mpg', 'x'], runId: 'r1' }, f.runner);
    expect(f.runs.map((r) => r.command.join(' ')).sort()).toEqual([
      '--model iris --run-id r1',
      '--model mpg --run-id r1',
      '--model x --run-id r1',
    ]);
    expect(outcome).toMatchObject({
      status: 'SUCCEEDED',
      output: { results: [{ model: 'iris' }, { model: 'mpg' }, { model: 'x' }] },
    });
  });

  it('runs items in parallel, or one at a time with MaxConcurrency 1', async () => {
    const parallel = fakeRunner();
    await run(mapDef(), { models: ['iris', 'mpg', 'x'], runId: 'r1' }, parallel.runner);
    expect(parallel.maxInFlight()).toBe(3);
    const serial = fakeRunner();
    await run(mapDef(1), { models: ['iris', 'mpg', 'x'], runId: 'r1' }, serial.runner);
    expect(serial.maxInFlight()).toBe(1);
  });
});

describe('Choice, Wait and intrinsics', () => {
  it('a counted retry loop (Choice on a counter, Wait SecondsPath, States.MathAdd) ends after the limit', async () => {
    const f = fakeRunner(() => 130);
    const def: AslDefinition = {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Result: { attempt: 0, wait: 60 }, ResultPath: '$.retry', Next: 'Run' },
        Run: ecsTask('a', ['x'], {
          ResultPath: null,
          Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'Left?' }],
          End: true,
        }),
        'Left?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.retry.attempt', NumericLessThan: 2, Next: 'Backoff' }],
          Default: 'Give up',
        },
        Backoff: { Type: 'Wait', SecondsPath: '$.retry.wait', Next: 'Again' },
        Again: {
          Type: 'Pass',
          Parameters: {
            'attempt.$': 'States.MathAdd($.retry.attempt, 1)',
            'wait.$': 'States.MathAdd($.retry.wait, $.retry.wait)',
          },
          ResultPath: '$.retry',
          Next: 'Run',
        },
        'Give up': { Type: 'Fail', Error: 'GaveUp', CausePath: 'States.JsonToString($.retry)' },
      },
    };
    const { outcome } = await run(def, {}, f.runner);
    expect(f.runs).toHaveLength(3);
    expect(outcome).toEqual({ status: 'FAILED', error: 'GaveUp', cause: '{"attempt":2,"wait":240}' });
  });

  it('States.JsonToString keeps nested JSON strings intact (patched library)', async () => {
    const def: AslDefinition = {
      StartAt: 'P',
      States: { P: { Type: 'Pass', Parameters: { 'body.$': 'States.JsonToString($)' }, End: true } },
    };
    const { outcome } = await run(def, { cause: '{"ExitCode":1}' }, fakeRunner().runner);
    if (outcome.status !== 'SUCCEEDED') throw new Error('expected success');
    expect(JSON.parse((outcome.output as { body: string }).body)).toEqual({ cause: '{"ExitCode":1}' });
  });

  it('$$.Execution.Name is the execution name', async () => {
    const def: AslDefinition = {
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Parameters: { 'id.$': "States.Format('sfn-{}', $$.Execution.Name)" }, End: true },
      },
    };
    const { outcome } = await run(def, {}, fakeRunner().runner);
    expect(outcome).toEqual({ status: 'SUCCEEDED', output: { id: 'sfn-exec-1' } });
  });
});
