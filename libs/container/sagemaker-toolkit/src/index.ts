/**
 * @mlops/sagemaker-toolkit: the SageMaker container contract (training + processing) in TypeScript.
 *
 * ```ts
 * import { runTraining, hyperparameterReader, logMetric } from '@mlops/sagemaker-toolkit';
 * runTraining(async (env, { signal }) => {
 *   const hp = hyperparameterReader(env.hyperparameters);
 *   const epochs = hp.int('epochs', { default: 10 });
 *   ...
 *   logMetric('train:loss', loss, { step: epoch });
 *   fs.writeFileSync(path.join(env.modelDir, 'model.json'), JSON.stringify(model));
 * });
 * ```
 */

// Job lifecycle
export { runTraining, runProcessing, runTrainCommand, FAILURE_EXIT_CODE } from './lib/runner';
export { ERROR_MESSAGE_MAX_CHARS } from './lib/failure-report';
export type { RunResult, RunOptions, JobContext, TrainCommandOptions } from './lib/runner';

// Environments
export { loadTrainingEnv } from './lib/training-env';
export type { TrainingEnv, LoadTrainingEnvOptions, ChannelConfig, InstanceGroup } from './lib/training-env';
export { loadProcessingEnv } from './lib/processing-env';
export type { ProcessingEnv, LoadProcessingEnvOptions } from './lib/processing-env';
export { trainingPaths, processingPaths, resolveBaseDir, DEFAULT_BASE_DIR, BASE_DIR_ENV } from './lib/paths';
export type { TrainingPaths, ProcessingPaths } from './lib/paths';
export { channelDir, listChannelFiles } from './lib/channels';
export { decodeHyperparameters, SAGEMAKER_HYPERPARAMETERS, SAGEMAKER_PREFIX } from './lib/environment';

// Hyperparameters
export { hyperparameterReader, parseHyperparameters } from './lib/hyperparameters';
export type { Hyperparameters, HyperparameterReader, SchemaLike, SchemaIssue } from './lib/hyperparameters';

// Mapping to the user process (Python-exact)
export { toEnvVars, toCmdArgs, splitByCriteria, envValue } from './lib/mapping';
export { jsonDumps, pyStr, pyRepr, floatRepr, strRepr } from './lib/python-format';
export { parsePythonJson, PyJsonError } from './lib/python-json';
export { PyInt, PyFloat, pyInt, pyFloat, fromJs, toJs } from './lib/py-value';
export type { PyValue, PyDict, JsValue } from './lib/py-value';

// Stop / spot
export { onStop, stopSignal, stopRequestedBy, requestStop, DEFAULT_STOP_GRACE_MS } from './lib/signals';
export type { StopHandler } from './lib/signals';
export {
  saveCheckpoint,
  saveJsonCheckpoint,
  restoreCheckpoint,
  restoreJsonCheckpoint,
  listCheckpoints,
} from './lib/checkpoints';
export type { CheckpointOptions } from './lib/checkpoints';

// Helpers
export { logMetric, formatMetric, metricRegex, metricDefinitions, METRIC_PREFIX } from './lib/metrics';
export { openPipeChannel, pipeChannelEpochs, pipeFifoPath } from './lib/pipe';
export { waitForHosts } from './lib/hosts';
export { numCpus, numGpus } from './lib/resources';
export { writeSuccessFile, writeFailureFile } from './lib/files';

// Errors
export {
  ToolkitError,
  ToolkitConfigError,
  HyperparameterError,
  ChannelError,
  EntryPointError,
  HostResolutionError,
  ExecuteUserScriptError,
  failureMessageOf,
} from './lib/errors';
