import { parseArgv } from '@mlops/contract';

export interface CliOptions {
  template: string;
  stateMachine: string;
  input: unknown;
  executionName: string;
  network: string;
  localTag: string;
  timeScale: number;
  sink?: string;
}

export type ParsedArgs =
  | { help: true }
  | { help: false; list: true; template: string }
  | ({ help: false; list?: false } & CliOptions);

/** Bad command line: exit 2, before anything runs. */
export class LocalStepFunctionsUsageError extends Error {
  override name = 'LocalStepFunctionsUsageError';
}

export const USAGE = `Usage: local-stepfunctions --template <file> (--state-machine <name> | --list) [options]

Runs a state machine of a synthesized CloudFormation template (infra/cdk.out/mlops-<env>-pipeline.template.json)
locally: every ecs:runTask.sync task as \`docker run --rm\` of its image's local tag, SNS publish and the S3
failure record into a recorded sink. Batch env: the MLOPS__*, AWS_*, PG* and MLOPS_POLL_MS variables of this
process are forwarded to every container (by name).

Options:
  --template <file>         synthesized template (cdk.out/*.template.json)
  --state-machine <name>    StateMachineName (e.g. mlops-dev-pipeline) or logical id
  --list                    print the state machines of the template and exit
  --input <json>            execution input (default {})
  --execution-name <name>   $$.Execution.Name (default: a new UUID); [A-Za-z0-9-_], max 80
  --network <name>          docker network of the containers (default host: the local stack on loopback)
  --image-tag <tag>         local tag of the task images (default latest)
  --time-scale <n>          factor on Retry intervals and Wait seconds (default 1; 0 = no waiting)
  --sink <file>             append what SNS/S3 tasks would have sent, as JSON lines
  -h, --help                show this help

Exit codes: 0 execution succeeded, 1 execution failed, 2 bad input or unsupported definition (nothing ran).`;

export function parseArgs(argv: readonly string[], newName: () => string): ParsedArgs {
  const { values } = parseArgv(
    argv,
    {
      options: {
        help: { type: 'boolean', short: 'h' },
        list: { type: 'boolean' },
        template: { type: 'string' },
        'state-machine': { type: 'string' },
        input: { type: 'string' },
        'execution-name': { type: 'string' },
        network: { type: 'string' },
        'image-tag': { type: 'string' },
        'time-scale': { type: 'string' },
        sink: { type: 'string' },
      },
    },
    (message) => new LocalStepFunctionsUsageError(message),
  );
  if (values.help === true) return { help: true };
  const template = values.template as string | undefined;
  if (!template)
    throw new LocalStepFunctionsUsageError(
      'Missing --template <file> (e.g. infra/cdk.out/mlops-dev-pipeline.template.json)',
    );
  if (values.list === true) return { help: false, list: true, template };
  const stateMachine = values['state-machine'] as string | undefined;
  if (!stateMachine)
    throw new LocalStepFunctionsUsageError('Missing --state-machine <name> (--list shows them)');
  let input: unknown = {};
  if (values.input !== undefined) {
    try {
      input = JSON.parse(values.input as string);
    } catch (err) {
      throw new LocalStepFunctionsUsageError(`--input is not JSON: ${(err as Error).message}`);
    }
  }
  const executionName = (values['execution-name'] as string | undefined) ?? newName();
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(executionName))
    throw new LocalStepFunctionsUsageError(
      `Invalid --execution-name ${JSON.stringify(executionName)}: [A-Za-z0-9-_], 1 to 80 characters`,
    );
  const network = (values.network as string | undefined) ?? 'host';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(network))
    throw new LocalStepFunctionsUsageError(
      `Invalid --network ${JSON.stringify(network)}: a docker network name`,
    );
  const localTag = (values['image-tag'] as string | undefined) ?? 'latest';
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(localTag))
    throw new LocalStepFunctionsUsageError(`Invalid --image-tag ${JSON.stringify(localTag)}: a docker tag`);
  const scaleText = (values['time-scale'] as string | undefined) ?? '1';
  const timeScale = Number(scaleText);
  if (scaleText.trim() === '' || !Number.isFinite(timeScale) || timeScale < 0)
    throw new LocalStepFunctionsUsageError(
      `Invalid --time-scale ${JSON.stringify(scaleText)}: a number >= 0`,
    );
  return {
    help: false,
    template,
    stateMachine,
    input,
    executionName,
    network,
    localTag,
    timeScale,
    sink: values.sink as string | undefined,
  };
}
