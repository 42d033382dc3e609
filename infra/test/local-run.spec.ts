import { BATCHES } from '@mlops/contract';
import {
  CfnTemplate,
  ContainerResult,
  ContainerRun,
  pickMachine,
  Recorder,
  runMachine,
  SNS_PUBLISH,
  S3_PUT_OBJECT,
  stateMachinesOf,
  SynthesizedMachine,
  unsupportedFeatures,
} from '@mlops/local-stepfunctions';
import { MAX_RETRIES } from '../src/constructs/batch-flow';
import { synth } from './harness';

// The synthesized machines under tools/local-stepfunctions, the container runner faked (the e2e runs the
// real images: tools/local-pipeline/test/state-machine.e2e.ts). Fails when infra starts using a state
// type, Task resource or intrinsic function the local run does not know.
let template: CfnTemplate;
let machines: SynthesizedMachine[];
beforeAll(() => {
  template = synth({ env: 'dev' }).pipeline.toJSON() as CfnTemplate;
  machines = stateMachinesOf(template, 'mlops-dev-pipeline');
});

async function execute(name: string, input: unknown, exit: (run: ContainerRun) => number = () => 0) {
  const runs: ContainerRun[] = [];
  const recorder = new Recorder();
  const outcome = await runMachine({
    machine: pickMachine(machines, name, 'mlops-dev-pipeline'),
    template,
    input,
    executionName: 'e2f0c1d2-aaaa-bbbb-cccc-000000000000',
    runner: async (run): Promise<ContainerResult> => {
      runs.push(run);
      return { started: true, exitCode: exit(run) };
    },
    recorder,
    localTag: 'latest',
    timeScale: 0,
    log: () => undefined,
  });
  return { outcome, runs, sent: recorder.sent };
}

const modelOf = (run: ContainerRun) => run.command[run.command.indexOf('--model') + 1];
const batchOf = (run: ContainerRun) => run.image.replace(/^pipeline-|:latest$/g, '');

describe('the synthesized state machines, run locally', () => {
  test('use only what the local runner supports', () => {
    expect(machines.map((m) => m.name).sort()).toEqual(['mlops-dev-migrate', 'mlops-dev-pipeline']);
    for (const m of machines) expect(unsupportedFeatures(m.definition)).toEqual([]);
  });

  test('migration: the first batch image with --migrate-only', async () => {
    const { outcome, runs } = await execute('mlops-dev-migrate', {});
    expect(outcome.status).toBe('SUCCEEDED');
    expect(runs.map((r) => [r.image, r.command])).toEqual([
      [`pipeline-${BATCHES[0]}:latest`, ['--migrate-only', '--env', 'dev', '--config-dir', '/app/configs']],
    ]);
  });

  test('pipeline: every batch in order for each model, run id from the execution name', async () => {
    const { outcome, runs, sent } = await execute('mlops-dev-pipeline', { models: ['iris', 'mpg'] });
    expect(outcome).toEqual({ status: 'SUCCEEDED', output: { runId: 'sfn-e2f0c1d2', failed: [], count: 0 } });
    for (const model of ['iris', 'mpg']) {
      const mine = runs.filter((r) => modelOf(r) === model);
      expect(mine.map(batchOf)).toEqual([...BATCHES]);
      expect(mine[0].command).toEqual([
        '--model',
        model,
        '--env',
        'dev',
        '--run-id',
        'sfn-e2f0c1d2',
        '--config-dir',
        '/app/configs',
      ]);
    }
    expect(sent).toEqual([]);
  });

  test('a failed batch stops its model only: the failure is recorded, notified, and fails the run', async () => {
    const { outcome, runs, sent } = await execute(
      'mlops-dev-pipeline',
      { models: ['iris', 'mpg'], runId: 'r1' },
      (run) => (modelOf(run) === 'mpg' && batchOf(run) === 'training' ? 1 : 0),
    );
    expect(outcome).toEqual({ status: 'FAILED', error: 'ModelsFailed', cause: '["mpg"]' });
    expect(runs.filter((r) => modelOf(r) === 'iris').map(batchOf)).toEqual([...BATCHES]);
    expect(runs.filter((r) => modelOf(r) === 'mpg').map(batchOf)).toEqual([
      'collection',
      'preprocess',
      'training',
    ]);
    expect(sent.map((s) => s.resource)).toEqual([S3_PUT_OBJECT, SNS_PUBLISH]);
    const [record, alert] = sent.map((s) => s.parameters as Record<string, unknown>);
    expect(record.Key).toBe('runs/r1/mpg/failure.json');
    const body = JSON.parse(String(record.Body));
    expect(body.failure.Error).toBe('States.TaskFailed');
    expect(JSON.parse(body.failure.Cause).Containers[0].ExitCode).toBe(1);
    expect(alert.Message).toMatchObject({ model: 'mpg', runId: 'r1', error: 'States.TaskFailed' });
  });

  test('an interrupted batch (exit 130) reruns with the same run id, up to MAX_RETRIES times', async () => {
    let trainings = 0;
    const { outcome, runs } = await execute('mlops-dev-pipeline', { models: ['iris'], runId: 'r2' }, (run) =>
      batchOf(run) === 'training' && ++trainings <= MAX_RETRIES ? 130 : 0,
    );
    expect(outcome.status).toBe('SUCCEEDED');
    const training = runs.filter((r) => batchOf(r) === 'training');
    expect(training).toHaveLength(MAX_RETRIES + 1);
    expect(new Set(training.map((r) => r.command.join(' '))).size).toBe(1);
  });

  test('past MAX_RETRIES interruptions the model fails', async () => {
    const { outcome, runs } = await execute('mlops-dev-pipeline', { models: ['iris'], runId: 'r3' }, (run) =>
      batchOf(run) === 'training' ? 130 : 0,
    );
    expect(outcome).toEqual({ status: 'FAILED', error: 'ModelsFailed', cause: '["iris"]' });
    expect(runs.filter((r) => batchOf(r) === 'training')).toHaveLength(MAX_RETRIES + 1);
  });
});
