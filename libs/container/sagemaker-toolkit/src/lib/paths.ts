/**
 * The /opt/ml layout. The base is `$SAGEMAKER_BASE_DIR` (as in the Python toolkit), else /opt/ml.
 * Unlike Python we never invent a ~/sagemaker_local tree: a missing config is an error, not a default.
 */
import { join } from 'node:path';

export const DEFAULT_BASE_DIR = '/opt/ml';
export const BASE_DIR_ENV = 'SAGEMAKER_BASE_DIR';

export interface TrainingPaths {
  baseDir: string;
  codeDir: string;
  modelDir: string;
  inputDir: string;
  inputConfigDir: string;
  inputDataDir: string;
  outputDir: string;
  outputDataDir: string;
  outputIntermediateDir: string;
  checkpointDir: string;
  hyperparametersFile: string;
  inputDataConfigFile: string;
  resourceConfigFile: string;
  successFile: string;
  failureFile: string;
}

export function resolveBaseDir(env: NodeJS.ProcessEnv = process.env): string {
  return env[BASE_DIR_ENV] || DEFAULT_BASE_DIR;
}

export function trainingPaths(baseDir: string = resolveBaseDir()): TrainingPaths {
  const inputDir = join(baseDir, 'input');
  const inputConfigDir = join(inputDir, 'config');
  const outputDir = join(baseDir, 'output');
  return {
    baseDir,
    codeDir: join(baseDir, 'code'),
    modelDir: join(baseDir, 'model'),
    inputDir,
    inputConfigDir,
    inputDataDir: join(inputDir, 'data'),
    outputDir,
    outputDataDir: join(outputDir, 'data'),
    outputIntermediateDir: join(outputDir, 'intermediate'),
    // CheckpointConfig.LocalPath default; not derived from the base dir on SageMaker, but we keep it
    // under the base so local runs (SAGEMAKER_BASE_DIR) stay self-contained.
    checkpointDir: join(baseDir, 'checkpoints'),
    hyperparametersFile: join(inputConfigDir, 'hyperparameters.json'),
    inputDataConfigFile: join(inputConfigDir, 'inputdataconfig.json'),
    resourceConfigFile: join(inputConfigDir, 'resourceconfig.json'),
    successFile: join(outputDir, 'success'),
    failureFile: join(outputDir, 'failure'),
  };
}

export interface ProcessingPaths {
  baseDir: string;
  configDir: string;
  processingDir: string;
  processingJobConfigFile: string;
  resourceConfigFile: string;
  outputDir: string;
  messageFile: string;
}

export function processingPaths(baseDir: string = resolveBaseDir()): ProcessingPaths {
  const configDir = join(baseDir, 'config');
  const outputDir = join(baseDir, 'output');
  return {
    baseDir,
    configDir,
    processingDir: join(baseDir, 'processing'),
    processingJobConfigFile: join(configDir, 'processingjobconfig.json'),
    resourceConfigFile: join(configDir, 'resourceconfig.json'),
    outputDir,
    messageFile: join(outputDir, 'message'),
  };
}

/** Pipe-mode FIFO of a channel for one epoch: `<input>/data/<channel>_<epoch>`. */
export function pipePath(paths: TrainingPaths, channel: string, epoch: number): string {
  return join(paths.inputDataDir, `${channel}_${epoch}`);
}
