import { parseArgs, LocalSageMakerUsageError } from './cli/args';
import { jobCommand, stopJobCommand } from './cli/commands/job';
import { jobsCommand } from './cli/commands/jobs';
import { runCommand } from './cli/commands/run';
import { envCommand, startCommand } from './cli/commands/start';
import { statusCommand } from './cli/commands/status';
import { stopCommand } from './cli/commands/stop';
import { EMULATOR_FLAGS } from './cli/options';

const HELP = `local-sagemaker: a local SageMaker + CloudWatch Logs endpoint that runs jobs in Docker or as processes.

Usage: node tools/local-sagemaker/dist/cli.js <command> [options]

Commands:
  start [--background]     start the stack (SageMaker + Logs API, embedded S3) and print its endpoints;
      [--owner NAME]         --background: as a daemon that outlives this command (log: <state-dir>/emulator.log)
  stop                     stop the stack of the state dir (running jobs are stopped)
  status                   print the endpoints (and pid) of the running stack; exit 1 if none
  env                      print export lines (endpoints, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE) for the AWS CLI, boto3
  jobs                     list training and processing jobs
  job <name>               describe one job, with its logs
  stop-job <name>          stop one job
  run --request <file>     run one job from a Create*Job request (JSON or YAML) and follow its logs;
                           uses the running stack, else starts one for the run. Exit 0 iff Completed.
      [--name N] [--unique]  override the job name / append a timestamp

Options (start, run):
  --state-dir DIR          job records, logs, work dirs, S3 data   [$LOCAL_SAGEMAKER_STATE_DIR or tmp/local-sagemaker]
  --port N                 API port on 127.0.0.1                   [any free port]
  --runtime R              auto | docker | process                 [auto: docker if a daemon answers]
  --region R                                                       [us-east-1]
  --s3 S                   embedded | none | <http(s) endpoint>    [embedded: s3rver in <state-dir>/s3]
  --s3-port N              embedded S3 port                        [any free port]
  --bucket NAME            create this bucket in the embedded S3 (repeatable)
  --stop-grace SECONDS     SIGTERM → SIGKILL grace for stop and MaxRuntimeInSeconds [120]
  --image-map FILE         process runtime: JSON { "<image>": { "trainCommand": [...], "workdir": "..." } }
  --apps-root DIR          process runtime: root of apps/<image>/dist [.]
  --keep-work-dirs         keep per-job work folders (debugging)
  -h, --help               this text
`;

const KNOWN = {
  ...EMULATOR_FLAGS,
  background: 'switch',
  owner: 'value',
  request: 'value',
  name: 'value',
  unique: 'switch',
  help: 'switch',
} as const;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (
    !command ||
    ['--help', '-h', 'help'].includes(command) ||
    rest.includes('--help') ||
    rest.includes('-h')
  ) {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const args = parseArgs(rest, KNOWN);
  switch (command) {
    case 'start':
      return startCommand(args, argv);
    case 'stop':
      return stopCommand(args);
    case 'status':
      return statusCommand(args);
    case 'env':
      return envCommand(args);
    case 'jobs':
      return jobsCommand(args);
    case 'job':
      return jobCommand(args);
    case 'stop-job':
      return stopJobCommand(args);
    case 'run':
      return runCommand(args);
    default:
      throw new LocalSageMakerUsageError(`Unknown command '${command}'`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`local-sagemaker: ${err instanceof Error ? err.message : String(err)}`);
      if (err instanceof LocalSageMakerUsageError) console.error(`\n${HELP}`);
      process.exit(err instanceof LocalSageMakerUsageError ? 2 : 1);
    },
  );
}
