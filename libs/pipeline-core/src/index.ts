// Errors and exit codes
export { ExitCode } from './errors/exit-codes';
export { exitCodeFor } from './errors/exit-code-for';
export {
  InputError,
  InterruptedError,
  JobFailedError,
  NoApprovedModelError,
  UsageError,
} from './errors/pipeline-errors';
// CLI
export type { BatchCliSpec, CliOptions, ExtraOption, ParsedCli } from './cli/cli-spec';
export { parseCli } from './cli/parse-cli';
export { formatUsage } from './cli/usage';
export { findWorkspaceRoot } from './cli/workspace-root';
export { assertRunId, newRunId, RUN_ID_MAX_LENGTH, RUN_ID_PATTERN } from './run-id';
// Layout, naming, job requests
export { runLayout } from './layout/s3-layout';
export type { ModelPrefixes, RunLayout } from './layout/s3-layout';
export { jobNameFor, JOB_NAME_MAX, JOB_NAME_PATTERN } from './naming/job-name';
export { buildTrainingRequest, TRAINING_CHANNELS } from './specs/training-request';
export type { TrainingRequestInput } from './specs/training-request';
export {
  buildProcessingRequest,
  processingInputPath,
  processingOutputPath,
} from './specs/processing-request';
export type { ProcessingJobKind, ProcessingRequestInput } from './specs/processing-request';
export { stringifyHyperparameters } from './specs/hyperparameters';
export { validateProcessingRequest, validateTrainingRequest } from './specs/validate-request';
export { JobSpecValidationError } from './specs/job-spec-validation-error';
export type { SpecViolation } from './specs/job-spec-validation-error';
// SageMaker, progress, resume, recording
export type { JobKind } from './sagemaker/job-kind';
export { LOG_GROUP } from './sagemaker/job-kind';
export type { JobDescription } from './sagemaker/job-description';
export { isTerminal } from './sagemaker/job-description';
export { SageMakerJobs } from './sagemaker/sagemaker-jobs';
export type { StartResult } from './sagemaker/sagemaker-jobs';
export { LogTail } from './sagemaker/log-tail';
export type { LogLine } from './sagemaker/log-tail';
export { ProgressPrinter } from './progress/progress-printer';
export { waitForJob } from './progress/wait-for-job';
export type { WaitDeps, WaitOptions } from './progress/wait-for-job';
export { runJob } from './resume/run-job';
export type { JobRequest, JobResolution, RunJobDeps, RunJobResult } from './resume/run-job';
export { recordJobStarted, recordJobState } from './record/record-job';
export type { JobIdentity } from './record/record-job';
// Evaluation gate
export { extractMetrics } from './gate/evaluation-metrics';
export { applyEvaluationGate, formatChecks } from './gate/evaluation-gate';
export type { GateInput, GateResult } from './gate/evaluation-gate';
// Collection
export { resolveSource } from './collect/resolve-source';
export type { ResolvedSource } from './collect/resolve-source';
export { datasetVersion, sha256File } from './collect/dataset-version';
export { collectRaw } from './collect/collect-raw';
export type { CollectedData } from './collect/collect-raw';
// S3 helpers
export { readS3Text } from './s3/read-text';
export { hasObjects } from './s3/has-objects';
// Context and batch runner
export type { BatchContext } from './context/batch-context';
export type { RunContext } from './context/run-context';
export { createAwsClients } from './context/clients';
export type { AwsClients } from './context/clients';
export { openRunContext } from './context/open-run-context';
export type { RunServices } from './context/open-run-context';
export type { BatchDefinition } from './batch/batch-definition';
export type { BatchIo } from './batch/batch-io';
export { runBatch } from './batch/run-batch';
export { main } from './batch/main';
