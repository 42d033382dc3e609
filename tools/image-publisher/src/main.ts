import { parseArgs, USAGE, PublisherUsageError } from './cli';
import { readGitState } from './git-state';
import { inspectLocalImage } from './image-labels';
import { planPush, PushRefusedError } from './push-plan';
import { pushImage } from './push';
import { prepareRegistry } from './registry-login';

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2), process.env);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const log = (line: string) => console.log(`[docker:push ${parsed.project}] ${line}`);
  const plan = planPush(
    {
      project: parsed.project,
      registry: parsed.registry,
      repositoryPrefix: parsed.repositoryPrefix,
      movingTag: parsed.movingTag,
    },
    inspectLocalImage(`${parsed.project}:latest`),
    readGitState(process.cwd()),
  );
  await prepareRegistry(parsed.registry, `${parsed.repositoryPrefix}${parsed.project}`, {
    movingTag: parsed.movingTag,
    log,
  });
  pushImage(plan, log);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`docker:push: ${err instanceof Error ? err.message : String(err)}`);
    if (err instanceof PublisherUsageError) console.error(`\n${USAGE}`);
    process.exit(err instanceof PublisherUsageError || err instanceof PushRefusedError ? 2 : 1);
  },
);
