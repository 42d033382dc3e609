import { createEcrClient, ecrDockerLogin, ensureRepository } from '@mlops/aws';

const ECR_HOST = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

export interface EcrRegistry {
  accountId: string;
  region: string;
}

/** `123456789012.dkr.ecr.eu-west-1.amazonaws.com` → its account and region; other registries → undefined. */
export function parseEcrRegistry(registry: string): EcrRegistry | undefined {
  const m = ECR_HOST.exec(registry);
  return m ? { accountId: m[1], region: m[2] } : undefined;
}

/**
 * Before pushing to ECR: create the repository if it is missing and log docker in with a fresh
 * token (password on stdin only). Any other v2 registry is used as is (log in beforehand if it needs it).
 * A repository created for a moving tag must be MUTABLE; otherwise IMMUTABLE, so SHA tags stay honest.
 */
export async function prepareRegistry(
  registry: string,
  repository: string,
  opts: { movingTag?: string; log: (line: string) => void },
): Promise<void> {
  const ecrRegistry = parseEcrRegistry(registry);
  if (!ecrRegistry) return;
  const ecr = createEcrClient({ region: ecrRegistry.region });
  const repo = await ensureRepository(ecr, repository, {
    scanOnPush: true,
    tagMutability: opts.movingTag ? 'MUTABLE' : 'IMMUTABLE',
  });
  opts.log(`${repo.created ? 'created' : 'using'} ECR repository ${repo.uri} (${repo.tagMutability})`);
  await ecrDockerLogin(ecr, { registryIds: [ecrRegistry.accountId] });
  opts.log(`logged in to ${registry}`);
}
