import { createHash } from 'node:crypto';
import type { JobKind } from '@mlops/aws';

/** Bumped when what goes into the key changes meaning, so old entries stop matching. */
export const STEP_CACHE_KEY_FORMAT = 1;

/** Everything a step's outputs depend on (see README "Step caching"). */
export interface StepCacheKeyInput {
  kind: JobKind;
  /** The request as sent, minus run-specific names and locations (normaliseRequest). */
  request: unknown;
  /** Input (channel) name → content version of the objects it points at (s3ContentVersion). */
  inputs: Record<string, string>;
  /** The image's content digest (docker image Id, app bundle hash, ECR digest). */
  imageDigest: string;
  /** The batch code that builds the request and reads the outputs (hash of its bundle). */
  code: string;
}

/** sha256 hex over the canonical JSON of the inputs: key order never matters, any value change does. */
export function stepCacheKey(input: StepCacheKeyInput): string {
  return createHash('sha256')
    .update(canonicalJson({ format: STEP_CACHE_KEY_FORMAT, ...input }))
    .digest('hex');
}

/** JSON with object keys sorted at every level (arrays keep their order: it is meaningful). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
