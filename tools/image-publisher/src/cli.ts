export interface PushArgs {
  command: 'push';
  project: string;
  registry: string;
  repositoryPrefix: string;
  movingTag?: string;
}

export const USAGE = `Usage: image-publisher push <project> [options]

Pushes <project>:latest (built by \`nx run <project>:docker:build\`) as
<registry>/<prefix><project>:<short git sha>, and optionally a moving tag.
Refuses when the tree is dirty or the image was not built from HEAD.
ECR registries (<account>.dkr.ecr.<region>.amazonaws.com): the repository is
created if missing and docker is logged in with an SDK token.

Options:
  --registry <host[:port]>   target registry          [env MLOPS_REGISTRY, default 127.0.0.1:5000]
  --prefix <path/>           repository prefix        [env MLOPS_REPOSITORY_PREFIX, default none]
  --moving-tag <tag>         also push this tag       [env MLOPS_MOVING_TAG]
  -h, --help                 show this help`;

export class PublisherUsageError extends Error {
  override name = 'PublisherUsageError';
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): PushArgs | 'help' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  const [command, project, ...rest] = argv;
  if (command !== 'push')
    throw new PublisherUsageError(`unknown command "${command ?? ''}" (expected "push")`);
  if (!project || project.startsWith('-')) throw new PublisherUsageError('missing <project>');
  const args: PushArgs = {
    command,
    project,
    registry: env.MLOPS_REGISTRY || '127.0.0.1:5000',
    repositoryPrefix: env.MLOPS_REPOSITORY_PREFIX ?? '',
    movingTag: env.MLOPS_MOVING_TAG || undefined,
  };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined || value.startsWith('--')) throw new PublisherUsageError(`${flag} needs a value`);
    if (flag === '--registry') args.registry = value;
    else if (flag === '--prefix') args.repositoryPrefix = value;
    else if (flag === '--moving-tag') args.movingTag = value;
    else throw new PublisherUsageError(`unknown option ${flag}`);
  }
  return args;
}
