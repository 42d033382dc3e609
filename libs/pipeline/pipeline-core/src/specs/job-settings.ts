import type { ProcessingJobSpec, TrainingJobSpec } from '@mlops/aws';
import type { ModelConfig } from '@mlops/config-reader';
import { jobTags } from './job-tags';

type SettingsFields = Pick<
  TrainingJobSpec & ProcessingJobSpec,
  'tags' | 'vpc' | 'volumeKmsKeyId' | 'outputKmsKeyId' | 'enableNetworkIsolation'
>;

/**
 * The cost and security settings of a model's jobs (config `jobs:`: the environment's, the model's over
 * them) as job spec fields, with the pipeline's own tags over the configured ones. Unset settings stay
 * absent, so the request carries only what config asked for.
 */
export function jobSettingsFields(input: {
  model: ModelConfig;
  runId: string;
  batch: string;
}): SettingsFields {
  const { model } = input;
  const jobs = model.jobs ?? {};
  const fields: SettingsFields = {
    tags: {
      ...jobs.tags,
      ...jobTags({ model: model.name, team: model.team, runId: input.runId, batch: input.batch }),
    },
    vpc: jobs.vpc
      ? { subnets: [...jobs.vpc.subnets], securityGroupIds: [...jobs.vpc.securityGroupIds] }
      : undefined,
    volumeKmsKeyId: jobs.kms?.volumeKeyId,
    outputKmsKeyId: jobs.kms?.outputKeyId,
    enableNetworkIsolation: jobs.enableNetworkIsolation,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as SettingsFields;
}
