import type { MlopsConfig } from '@mlops/config-reader';
import { BatchName } from '@mlops/db';
import { checkPlaceholders } from './check-placeholders';
import { checkPrefixes } from './check-prefixes';
import { checkSources } from './check-sources';
import { credentialsProblem } from './check-credentials';
import type { ImageCheck } from './check-images';
import { isLocalEndpoint } from './endpoints';
import { PreflightError } from './preflight-error';
import type { Problem } from './problem';

export interface PreflightInput {
  config: MlopsConfig;
  /** The selected models. */
  models: readonly string[];
  /** The batches about to run for them (a batch alone: itself; the main job: all). */
  batches: readonly string[];
  /** Where `builtin:<dataset>` sources live. */
  dataDir: string;
  /** How images are looked up: the local stack's (Docker / built app) or ECR's. */
  images?: ImageCheck;
  /** Resolves AWS credentials (SDK default chain); absent when the local stack will hand out its own. */
  credentials?: () => Promise<unknown>;
}

/**
 * Everything that can be known before a side effect: placeholders (AWS environments), S3 prefixes,
 * sources (when collection runs), AWS credentials, images (when a job batch runs). Collects every
 * problem, then throws one PreflightError (exit 2) with a line per problem; returns when all is well.
 */
export async function preflight(input: PreflightInput): Promise<void> {
  const { config, models, batches } = input;
  const problems: Problem[] = [];
  if (!isLocalEndpoint(config.aws.endpoints.sagemaker)) problems.push(...checkPlaceholders(config));
  problems.push(...checkPrefixes(config, models));
  if (batches.includes(BatchName.Collection)) problems.push(...checkSources(config, models, input.dataDir));
  let credentialsOk = true;
  if (input.credentials) {
    const problem = await credentialsProblem(input.credentials);
    if (problem) {
      credentialsOk = false;
      problems.push({ file: config.file, field: 'aws', value: config.aws.region, message: problem });
    }
  }
  // ECR needs the credentials; without them every image would repeat the same problem.
  const images = input.images;
  if (images && credentialsOk && batches.some((b) => b !== BatchName.Collection)) {
    const checked = new Map<string, Promise<string | undefined>>();
    for (const model of models) {
      const image = config.models[model].image;
      if (!checked.has(image)) checked.set(image, images(image));
      const problem = await checked.get(image);
      if (problem)
        problems.push({ file: config.file, field: `models.${model}.image`, value: image, message: problem });
    }
  }
  if (problems.length > 0) throw new PreflightError(problems);
}
