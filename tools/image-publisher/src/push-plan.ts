import { GitState } from './git-state';
import { DIRTY_LABEL, LocalImage, REVISION_LABEL } from './image-labels';

export interface PushRequest {
  project: string;
  /** e.g. `127.0.0.1:5000` or `123456789012.dkr.ecr.eu-west-1.amazonaws.com`. */
  registry: string;
  /** Path inside the registry before the project name, e.g. `mlops/` (ECR repository namespace). */
  repositoryPrefix?: string;
  /** Optional moving tag (e.g. `latest`, `main`), pushed in addition to the immutable one. */
  movingTag?: string;
}

export interface PushPlan {
  source: string;
  repository: string;
  immutableRef: string;
  refs: string[];
}

export class PushRefusedError extends Error {
  override name = 'PushRefusedError';
}

const REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$/i;
const REPO_PREFIX = /^([a-z0-9]+([._-][a-z0-9]+)*\/)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * Decides what to push. The immutable tag is the commit's short SHA, so it is refused when the image
 * was built from a dirty tree or from another commit than the one being tagged: a SHA tag must mean
 * exactly that commit's code.
 */
export function planPush(req: PushRequest, image: LocalImage | undefined, git: GitState): PushPlan {
  const source = `${req.project}:latest`;
  if (!image)
    throw new PushRefusedError(
      `${req.project}: image ${source} not found; run \`npx nx run ${req.project}:docker:build\``,
    );
  if (!REGISTRY.test(req.registry))
    throw new PushRefusedError(`invalid registry "${req.registry}" (expected host[:port])`);
  const prefix = req.repositoryPrefix ?? '';
  if (!REPO_PREFIX.test(prefix))
    throw new PushRefusedError(`invalid repository prefix "${prefix}" (expected e.g. "mlops/")`);
  if (req.movingTag !== undefined && !TAG.test(req.movingTag))
    throw new PushRefusedError(`invalid tag "${req.movingTag}"`);
  if (git.dirty) {
    throw new PushRefusedError(
      `${req.project}: the working tree is dirty; commit first (an immutable tag must name a commit)`,
    );
  }
  if (image.labels[DIRTY_LABEL] !== 'false') {
    throw new PushRefusedError(
      `${req.project}: image was built from a dirty tree (label ${DIRTY_LABEL}=${image.labels[DIRTY_LABEL] ?? 'missing'}); rebuild from a clean tree`,
    );
  }
  if (image.labels[REVISION_LABEL] !== git.sha) {
    throw new PushRefusedError(
      `${req.project}: image was built from ${image.labels[REVISION_LABEL] ?? 'an unknown revision'}, HEAD is ${git.sha}; rebuild it`,
    );
  }
  const repository = `${req.registry}/${prefix}${req.project}`;
  const immutableRef = `${repository}:${git.shortSha}`;
  const refs = [immutableRef, ...(req.movingTag ? [`${repository}:${req.movingTag}`] : [])];
  return { source, repository, immutableRef, refs };
}
