import { BATCH_NAME_MAX, MODEL_NAME_MAX } from './name-budget';

/**
 * Lowercase slug: the config schema's model key (`^[a-z][a-z0-9-]*$`), an Nx project name, a Docker
 * repository name, an S3 prefix and a SageMaker job-name part at once. No leading/trailing or double "-"
 * (pipeline-core collapses them in job names, so two models could collide).
 */
export const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `scope:shared` is the tag of shared libs: a model named "shared" would join their scope. */
const RESERVED = new Set(['shared']);

export type NameKind = 'model' | 'batch';

/** Problems with a model or batch name, each naming the value; empty when the name is fine. */
export function nameProblems(kind: NameKind, name: unknown): string[] {
  if (typeof name !== 'string' || name === '') return [`${kind} name is missing`];
  const problems: string[] = [];
  const max = kind === 'model' ? MODEL_NAME_MAX : BATCH_NAME_MAX;
  if (!NAME_PATTERN.test(name)) {
    problems.push(
      `${kind} name ${JSON.stringify(name)} is invalid: use lowercase letters, digits and single "-" ` +
        `between them, starting with a letter (e.g. "iris", "fraud-v2")`,
    );
  }
  if (name.length > max) {
    problems.push(
      `${kind} name ${JSON.stringify(name)} is ${name.length} chars, over the ${max}-char budget: SageMaker ` +
        'job names `<model>-<batch>-<run-id>` must fit 63 chars (see tools/workspace-plugin/README.md)',
    );
  }
  if (RESERVED.has(name)) problems.push(`${kind} name ${JSON.stringify(name)} is reserved (scope:shared)`);
  return problems;
}
