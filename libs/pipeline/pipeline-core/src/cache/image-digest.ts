import { InputError } from '../errors/pipeline-errors';

/**
 * JSON object image URI → content digest, set by whoever knows what an image runs as (tools/local-pipeline:
 * `docker image inspect` Id on the docker runtime, the app bundle's hash on the process runtime).
 */
export const IMAGE_DIGESTS_ENV = 'MLOPS_IMAGE_DIGESTS';

/** Parses the env value; anything but a `{ "<image>": "<digest>" }` object is bad input (exit 2). */
export function parseImageDigests(value: string | undefined): Record<string, string> {
  if (value === undefined || value.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (err) {
    throw new InputError(
      `${IMAGE_DIGESTS_ENV}: not JSON (${(err as Error).message}); expected {"<image>":"<digest>"}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new InputError(`${IMAGE_DIGESTS_ENV}: expected a JSON object {"<image>":"<digest>"}`);
  for (const [image, digest] of Object.entries(parsed))
    if (typeof digest !== 'string' || digest === '')
      throw new InputError(
        `${IMAGE_DIGESTS_ENV}: the digest of ${JSON.stringify(image)} must be a non-empty string`,
      );
  return parsed as Record<string, string>;
}

/**
 * The content digest of an image: pinned in the URI (`repo@sha256:…`, as on AWS with immutable
 * deployments), else what the environment says. Undefined = unknown: the step is not cached (a tag
 * such as `:latest` alone says nothing about the content).
 */
export function imageDigestFor(image: string, known: Readonly<Record<string, string>>): string | undefined {
  const pinned = /@(sha256:[0-9a-f]{64})$/.exec(image);
  if (pinned) return pinned[1];
  return Object.hasOwn(known, image) ? known[image] : undefined;
}
