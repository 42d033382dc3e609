import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import type { CfnTemplate } from '../template/cfn-intrinsics';
import { allStates, type SynthesizedMachine } from '../template/state-machines';
import type { ContainerRunner } from '../tasks/container-runner';
import type { Recorder } from '../tasks/recorder';
import { taskHandlers } from '../tasks/task-handlers';
import { scaleTimes } from './scale-times';
import { unsupportedFeatures } from './supported';

export interface RunMachineOptions {
  machine: SynthesizedMachine;
  template: CfnTemplate;
  input: unknown;
  /** `$$.Execution.Name`; also in the container names and labels. */
  executionName: string;
  runner: ContainerRunner;
  recorder: Recorder;
  /** Tag of the local images, `latest` (what `docker:build` tags). */
  localTag: string;
  /** Factor on every wait of the definition (Retry intervals, Wait states); 0 in tests. */
  timeScale: number;
  /** Progress lines: states entered, failed, retried, caught. */
  log: (line: string) => void;
}

export type Outcome =
  { status: 'SUCCEEDED'; output: unknown } | { status: 'FAILED'; error: string; cause: string };

/** Label on every container of an execution: `docker ps -a --filter label=<this>=<execution>`. */
export const EXECUTION_LABEL = 'io.mlops.local-stepfunctions.execution';

/** Unsupported features or an invalid definition: nothing was run. */
export class DefinitionError extends Error {}

/**
 * Runs a synthesized state machine with aws-local-stepfunctions, every Task state through the local
 * handler of its Resource. Checks the definition first (supported features, then asl-validator through
 * the library), so a definition the runner cannot run fails before any container starts.
 */
export async function runMachine(o: RunMachineOptions): Promise<Outcome> {
  const problems = unsupportedFeatures(o.machine.definition);
  if (problems.length > 0)
    throw new DefinitionError(
      `${o.machine.name}: not supported by the local run: ${problems.join('; ')} (see tools/local-stepfunctions/README.md)`,
    );
  try {
    new StateMachine(o.machine.definition as unknown as StateMachineDefinition);
  } catch (err) {
    throw new DefinitionError(`${o.machine.name}: invalid definition: ${(err as Error).message}`);
  }
  const scaled = scaleTimes(o.machine.definition, o.timeScale);
  const sm = new StateMachine(scaled as unknown as StateMachineDefinition, {
    validationOptions: { noValidate: true },
  });

  let n = 0;
  const slug = (s: string) => s.replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  const handlers = taskHandlers({
    template: o.template,
    localTag: o.localTag,
    runner: o.runner,
    recorder: o.recorder,
    containerName: (state) => `lsf-${o.executionName}-${++n}-${slug(state)}`.slice(0, 120),
    labels: { [EXECUTION_LABEL]: o.executionName },
  });
  const states = allStates(o.machine.definition);
  const taskResourceLocalHandlers = Object.fromEntries(
    states
      .filter(([, s]) => s.Type === 'Task')
      .map(([name, s]) => [name, (input: unknown) => handlers[String(s.Resource)](name, input)]),
  );
  // SecondsPath waits are read at run time; scaled, they can only be switched off.
  const waitTimeOverrides =
    o.timeScale === 0
      ? Object.fromEntries(states.filter(([, s]) => s.Type === 'Wait').map(([name]) => [name, 0]))
      : {};

  const startTime = new Date().toISOString();
  const execution = sm.run(o.input as never, {
    overrides: { taskResourceLocalHandlers: taskResourceLocalHandlers as never, waitTimeOverrides },
    context: {
      Execution: {
        Id: `arn:aws:states:local:000000000000:execution:${o.machine.name}:${o.executionName}`,
        Name: o.executionName,
        StartTime: startTime,
        Input: o.input as never,
        RoleArn: 'arn:aws:iam::000000000000:role/local',
      },
      StateMachine: {
        Id: `arn:aws:states:local:000000000000:stateMachine:${o.machine.name}`,
        Name: o.machine.name,
      },
    },
  });
  const logging = (async () => {
    for await (const e of execution.eventLogs) {
      if (e.type === 'StateEntered') o.log(`→ ${e.state.name}`);
      else if (e.type === 'StateFailed') o.log(`✗ ${e.state.name}: ${e.Error}: ${String(e.Cause)}`);
      else if (e.type === 'StateRetried') o.log(`↻ ${e.state.name}: retry ${e.retry.attempt}`);
      else if (e.type === 'StateCaught') o.log(`⤷ ${e.state.name}: caught → ${e.catch.catcher.Next}`);
    }
  })();
  try {
    const output = await execution.result;
    return { status: 'SUCCEEDED', output };
  } catch (err) {
    if (!(err instanceof ExecutionError)) throw err;
    const cause = (err as Error & { cause?: Error }).cause;
    return { status: 'FAILED', error: cause?.name ?? 'States.Runtime', cause: cause?.message ?? err.message };
  } finally {
    await logging.catch(() => undefined);
  }
}
