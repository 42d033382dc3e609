import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  ImageTagMutability,
  Repository,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';

export interface EnsureRepositoryOptions {
  /** Scan images on push; default true. */
  scanOnPush?: boolean;
  /** Default `IMMUTABLE`: a released tag can never be overwritten. */
  tagMutability?: 'MUTABLE' | 'IMMUTABLE';
  tags?: Record<string, string>;
}

export interface RepositoryInfo {
  name: string;
  uri: string;
  arn?: string;
  created: boolean;
  scanOnPush: boolean;
  tagMutability: string;
}

// ECR repository name rule (2..256 chars).
const REPO_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Creates the repository if it is missing; an existing one is returned as is (never modified). */
export async function ensureRepository(
  ecr: ECRClient,
  name: string,
  opts: EnsureRepositoryOptions = {},
): Promise<RepositoryInfo> {
  if (typeof name !== 'string' || name.length < 2 || name.length > 256 || !REPO_NAME.test(name)) {
    throw new Error(
      `ensureRepository: repository name ${JSON.stringify(name)} is invalid (2..256 chars, lowercase, [._-/] separators)`,
    );
  }
  const mutability = opts.tagMutability ?? 'IMMUTABLE';
  if (mutability !== 'MUTABLE' && mutability !== 'IMMUTABLE') {
    throw new Error(
      `ensureRepository: tagMutability ${JSON.stringify(mutability)} must be MUTABLE or IMMUTABLE`,
    );
  }
  const existing = await describe(ecr, name);
  if (existing) return toInfo(existing, false);
  try {
    const res = await ecr.send(
      new CreateRepositoryCommand({
        repositoryName: name,
        imageScanningConfiguration: { scanOnPush: opts.scanOnPush ?? true },
        imageTagMutability: mutability as ImageTagMutability,
        ...(opts.tags ? { tags: Object.entries(opts.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
      }),
    );
    if (!res.repository)
      throw new Error(`ensureRepository: CreateRepository for ${name} returned no repository`);
    return toInfo(res.repository, true);
  } catch (err) {
    // Another pipeline created it between our describe and create.
    if (
      err instanceof RepositoryAlreadyExistsException ||
      (err as { name?: string }).name === 'RepositoryAlreadyExistsException'
    ) {
      const now = await describe(ecr, name);
      if (now) return toInfo(now, false);
    }
    throw err;
  }
}

async function describe(ecr: ECRClient, name: string): Promise<Repository | undefined> {
  try {
    const res = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
    return res.repositories?.[0];
  } catch (err) {
    if (
      err instanceof RepositoryNotFoundException ||
      (err as { name?: string }).name === 'RepositoryNotFoundException'
    ) {
      return undefined;
    }
    throw err;
  }
}

function toInfo(r: Repository, created: boolean): RepositoryInfo {
  return {
    name: r.repositoryName ?? '',
    uri: r.repositoryUri ?? '',
    ...(r.repositoryArn ? { arn: r.repositoryArn } : {}),
    created,
    scanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false,
    tagMutability: r.imageTagMutability ?? 'MUTABLE',
  };
}
