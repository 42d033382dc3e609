import { parseArgv } from '@mlops/contract';

interface PushArgs {
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

// Docker's tag grammar: what `docker push` would refuse later, refused before anything is pushed.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): PushArgs | 'help' {
  const { values, positionals } = parseArgv(
    argv,
    {
      allowPositionals: true,
      options: {
        registry: { type: 'string' },
        prefix: { type: 'string' },
        'moving-tag': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    (message) => new PublisherUsageError(message),
  );
  if (values.help) return 'help';
  const [command, project, ...extra] = positionals;
  if (command !== 'push')
    throw new PublisherUsageError(`unknown command "${command ?? ''}" (expected "push")`);
  if (!project) throw new PublisherUsageError('missing <project>');
  if (extra.length > 0) throw new PublisherUsageError(`Unexpected argument ${JSON.stringify(extra[0])}`);
  const registry = values.registry ?? (env.MLOPS_REGISTRY || '127.0.0.1:5000');
  if (registry === '') throw new PublisherUsageError('--registry must not be empty');
  const movingTag = values['moving-tag'] ?? (env.MLOPS_MOVING_TAG || undefined);
  if (movingTag !== undefined && !TAG.test(movingTag))
    throw new PublisherUsageError(
      `Invalid --moving-tag ${JSON.stringify(movingTag)}: expected a docker tag ([A-Za-z0-9_.-], max 128)`,
    );
  return {
    command,
    project,
    registry,
    repositoryPrefix: values.prefix ?? env.MLOPS_REPOSITORY_PREFIX ?? '',
    movingTag,
  };
}
