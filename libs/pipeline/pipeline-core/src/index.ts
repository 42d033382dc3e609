// Errors and exit codes
export { ExitCode } from './errors/exit-codes';
export { exitCodeFor } from './errors/exit-code-for';
export {
  InputError,
  InterruptedError,
  BatchJobFailedError,
  NoApprovedModelError,
  BatchUsageError,
} from './errors/pipeline-errors';
// CLI
export type { BatchCliSpec, CliOptions } from './cli/cli-spec';
export { parseCli } from './cli/parse-cli';
export { formatUsage } from './cli/usage';
export { findWorkspaceRoot } from './cli/workspace-root';
export { assertRunId, newRunId, RUN_ID_MAX_LENGTH, RUN_ID_PATTERN } from './run-id';
// Layout, naming, job requests
export { runLayout } from './layout/s3-layout';
export type { ModelPrefixes, RunLayout } from './layout/s3-layout';
export { jobNameFor } from './naming/job-name';
export { trainingSpecFor, TRAINING_CHANNELS } from './specs/training-spec';
export { processingSpecFor, processingInputPath, processingOutputPath } from './specs/processing-spec';
export type { ProcessingJobKind } from './specs/processing-spec';
export { prepareJobPlan } from './specs/job-plan';
export type { JobPlan, JobRequest } from './specs/job-plan';
export { tuningSpecFor } from './specs/tuning-spec';
export { prepareTuningPlan } from './specs/tuning-plan';
export type { TuningPlan } from './specs/tuning-plan';
export { tuningJobNameFor, TUNING_JOB_NAME_MAX } from './naming/tuning-job-name';
export { jobTags } from './specs/job-tags';
// SageMaker, progress, resume, recording
export { ProgressPrinter } from './progress/progress-printer';
export { runJob } from './resume/run-job';
export type { JobResolution, RunJobDeps, RunJobResult } from './resume/run-job';
export { runTuning } from './resume/run-tuning';
export type { RunTuningResult } from './resume/run-tuning';
export { recordMetricSeries } from './record/record-metric-series';
export { failureText, recordJobStarted, recordJobState } from './record/record-job';
export type { JobIdentity } from './record/record-job';
// Evaluation gate
export { extractMetrics } from './gate/evaluation-metrics';
export { checkThresholds } from './gate/check-thresholds';
export { applyEvaluationGate, formatChecks } from './gate/evaluation-gate';
export type { GateInput, GateResult } from './gate/evaluation-gate';
// Collection
export { resolveSource } from './collect/resolve-source';
export type { ResolvedSource } from './collect/resolve-source';
export { contentVersion, datasetVersion, sha256File } from './collect/dataset-version';
export { collectRaw } from './collect/collect-raw';
export type { CollectedData } from './collect/collect-raw';
// S3 helpers
export { readS3Text } from './s3/read-text';
export { hasObjects } from './s3/has-objects';
// Step cache
export { stepCacheKey, canonicalJson, STEP_CACHE_KEY_FORMAT } from './cache/cache-key';
export type { StepCacheKeyInput } from './cache/cache-key';
export { normaliseRequest } from './cache/normalise-request';
export { s3ContentVersion } from './cache/input-version';
export { IMAGE_DIGESTS_ENV, imageDigestFor, parseImageDigests } from './cache/image-digest';
export { copyPrefix } from './cache/copy-prefix';
export { runJobCached } from './cache/cached-run-job';
export type { StepCacheOptions } from './cache/cached-run-job';
// Context and batch runner
export type { BatchContext } from './context/batch-context';
export type { RunContext } from './context/run-context';
export { createAwsClients, endpointConfig } from './context/clients';
export type { AwsClients } from './context/clients';
export { openRunContext } from './context/open-run-context';
export type { RunServices } from './context/open-run-context';
export type { BatchDefinition } from './batch/batch-definition';
export type { BatchIo } from './batch/batch-io';
export { runBatch } from './batch/run-batch';
export { main } from './batch/main';
// Pre-flight: every check that needs no side effect, before the stack, a row, an S3 write or a job
export * from './preflight';
