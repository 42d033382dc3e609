import { InputError } from '../errors/pipeline-errors';

/** The configured bucket-relative prefixes of one model (config-reader's `s3Prefixes`). */
export interface ModelPrefixes {
  raw: string;
  processed: string;
  models: string;
  evaluation: string;
  inference: string;
}

/** Every S3 location of one run of one model. All URIs end with `/` (prefixes). */
export interface RunLayout {
  raw: string;
  processed: { train: string; validation: string; test: string; stats: string };
  /** Training `S3OutputPath`; SageMaker appends `<job-name>/output/model.tar.gz`. */
  models: string;
  /** Training `CheckpointConfig.S3Uri`. */
  checkpoints: string;
  /** evaluation.json + evaluation.svg. */
  evaluation: string;
  /** predictions.csv. */
  inference: string;
}

/**
 * THE place where run locations are derived (README "Bucket layout"). The run id is inserted before
 * the last segment of each configured prefix, so `iris/raw/` becomes `iris/<run-id>/raw/`, giving
 * `s3://<bucket>/<model>/<run-id>/{raw,processed/{train,validation,test,stats},models,evaluation,inference}/`
 * with the shipped configs. Runs never overwrite each other and one prefix holds a whole run.
 */
export function runLayout(bucket: string, prefixes: ModelPrefixes, runId: string): RunLayout {
  const at = (kind: keyof ModelPrefixes, ...rest: string[]) =>
    `s3://${bucket}/${[...insertRunId(prefixes[kind], runId, kind), ...rest].join('/')}/`;
  const models = at('models');
  return {
    raw: at('raw'),
    processed: {
      train: at('processed', 'train'),
      validation: at('processed', 'validation'),
      test: at('processed', 'test'),
      stats: at('processed', 'stats'),
    },
    models,
    checkpoints: `${models}checkpoints/`,
    evaluation: at('evaluation'),
    inference: at('inference'),
  };
}

function insertRunId(prefix: string, runId: string, kind: string): string[] {
  const segments = prefix.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..'))
    throw new InputError(`s3Prefixes.${kind}: ${JSON.stringify(prefix)} is not a usable key prefix`);
  return [...segments.slice(0, -1), runId, segments[segments.length - 1]];
}
