import type {
  AslDefinition,
  CfnTemplate,
  ContainerResult,
  ContainerRun,
  SynthesizedMachine,
} from '../../src';
import { Recorder, runMachine } from '../../src';

export const ECS = 'arn:aws:states:::ecs:runTask.sync';

/** A template with one task definition per name (family `mlops-<name>`, image `…/pipeline-<name>:<tag>`). */
export function templateWith(names: string[]): CfnTemplate {
  return {
    Resources: Object.fromEntries(
      names.map((n) => [
        `Task${n}`,
        {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: `mlops-${n}`,
            ContainerDefinitions: [
              {
                Name: 'batch',
                Image: {
                  'Fn::Join': [
                    '',
                    [{ Ref: 'AWS::AccountId' }, '.dkr.ecr.', { Ref: 'AWS::Region' }, `.x/pipeline-${n}:abc`],
                  ],
                },
              },
            ],
          },
        },
      ]),
    ),
  };
}

/** An ECS Task state running `mlops-<name>` with the given command (JSONPath `Command.$` when a string). */
export function ecsTask(name: string, command: string[] | string, extra: Record<string, unknown> = {}) {
  const cmd = typeof command === 'string' ? { 'Command.$': command } : { Command: command };
  return {
    Type: 'Task',
    Resource: ECS,
    Parameters: {
      Cluster: 'local:Cluster.Arn',
      TaskDefinition: `mlops-${name}`,
      Overrides: { ContainerOverrides: [{ Name: 'batch', ...cmd }] },
    },
    ...extra,
  };
}

/** A container runner that answers from a script (exit codes by call) and records every run. */
export function fakeRunner(exitCodes: (run: ContainerRun, n: number) => ContainerResult | number = () => 0) {
  const runs: ContainerRun[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const runner = async (run: ContainerRun): Promise<ContainerResult> => {
    runs.push(run);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Let every other ready branch start before this one ends, so concurrency is observable.
    await new Promise((r) => setImmediate(r));
    inFlight--;
    const r = exitCodes(run, runs.length);
    return typeof r === 'number' ? { started: true, exitCode: r } : r;
  };
  return { runner, runs, maxInFlight: () => maxInFlight };
}

export async function run(
  definition: AslDefinition,
  input: unknown,
  runner: ReturnType<typeof fakeRunner>['runner'],
  template: CfnTemplate = templateWith(['a', 'b']),
) {
  const recorder = new Recorder();
  const machine: SynthesizedMachine = { name: 'test', logicalId: 'Test', definition };
  const lines: string[] = [];
  const outcome = await runMachine({
    machine,
    template,
    input,
    executionName: 'exec-1',
    runner,
    recorder,
    localTag: 'latest',
    timeScale: 0,
    log: (l) => lines.push(l),
  });
  return { outcome, recorder, lines };
}
