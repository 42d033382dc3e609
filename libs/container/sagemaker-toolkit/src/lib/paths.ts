/**
 * The /opt/ml layout. The base is `$SAGEMAKER_BASE_DIR` (as in the Python toolkit), else /opt/ml.
 * Unlike Python we never invent a ~/sagemaker_local tree: a missing config is an error, not a default.
 */

/**
 * `os.path.join` as the Python toolkit builds these paths: a '/' between parts unless one is there
 * already, nothing normalised, so SM_* values match it byte for byte (e.g. for a base ending in '/').
 * Plain concatenation also avoids path.join's normalisation, measurable in `train` start-up.
 */
export function pyJoin(dir: string, ...parts: string[]): string {
  let out = dir;
  for (const part of parts) out = out === '' || out.endsWith('/') ? out + part : `${out}/${part}`;
  return out;
}

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
  const inputDir = pyJoin(baseDir, 'input');
  const inputConfigDir = pyJoin(inputDir, 'config');
  const outputDir = pyJoin(baseDir, 'output');
  return {
    baseDir,
    codeDir: pyJoin(baseDir, 'code'),
    modelDir: pyJoin(baseDir, 'model'),
    inputDir,
    inputConfigDir,
    inputDataDir: pyJoin(inputDir, 'data'),
    outputDir,
    outputDataDir: pyJoin(outputDir, 'data'),
    outputIntermediateDir: pyJoin(outputDir, 'intermediate'),
    // CheckpointConfig.LocalPath default; not derived from the base dir on SageMaker, but we keep it
    // under the base so local runs (SAGEMAKER_BASE_DIR) stay self-contained.
    checkpointDir: pyJoin(baseDir, 'checkpoints'),
    hyperparametersFile: pyJoin(inputConfigDir, 'hyperparameters.json'),
    inputDataConfigFile: pyJoin(inputConfigDir, 'inputdataconfig.json'),
    resourceConfigFile: pyJoin(inputConfigDir, 'resourceconfig.json'),
    successFile: pyJoin(outputDir, 'success'),
    failureFile: pyJoin(outputDir, 'failure'),
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
  const configDir = pyJoin(baseDir, 'config');
  const outputDir = pyJoin(baseDir, 'output');
  return {
    baseDir,
    configDir,
    processingDir: pyJoin(baseDir, 'processing'),
    processingJobConfigFile: pyJoin(configDir, 'processingjobconfig.json'),
    resourceConfigFile: pyJoin(configDir, 'resourceconfig.json'),
    outputDir,
    messageFile: pyJoin(outputDir, 'message'),
  };
}

/** Pipe-mode FIFO of a channel for one epoch: `<input>/data/<channel>_<epoch>`. */
export function pipePath(paths: TrainingPaths, channel: string, epoch: number): string {
  return pyJoin(paths.inputDataDir, `${channel}_${epoch}`);
}
