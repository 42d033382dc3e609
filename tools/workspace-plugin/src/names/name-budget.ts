/**
 * The SageMaker job-name budget. libs/pipeline/pipeline-core names every job `<model>-<batch>-<run-id>`
 * (naming/job-name.ts) and SageMaker allows 63 chars (TrainingJobName / ProcessingJobName). Run ids are
 * at most 32 chars (pipeline-core run-id.ts), so model + batch get 63 - 32 - 2 separators = 29.
 * Over 63, pipeline-core truncates and appends a hash, which keeps names valid but unreadable, so the
 * generators refuse names that would get there. Batches get the length of the longest existing one
 * ("collection", "preprocess", "evaluation"), models the rest. The constants are copied, not imported
 * (a shared tool may not import pipeline code); test/names.spec.ts runs pipeline-core's jobNameFor to
 * check them.
 */
export const JOB_NAME_MAX = 63;
export const RUN_ID_MAX_LENGTH = 32;
export const BATCH_NAME_MAX = 10;
export const MODEL_NAME_MAX = JOB_NAME_MAX - RUN_ID_MAX_LENGTH - BATCH_NAME_MAX - 2;
