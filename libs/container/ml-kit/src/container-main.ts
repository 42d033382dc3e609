/**
 * The `main.js` dispatcher of a container app bundle: the image's commands without Docker (the local
 * SageMaker's process runtime runs `node main.js train` for training and `node main.js <job>` for
 * processing, cwd = dist).
 * - `train`: the toolkit's `train` runner with the default program (e.g. jobs/training.js) as entry point;
 * - `<processing job> [args...]`: that job's bundle, in this process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveBaseDir, runTrainCommand, trainingPaths } from '@mlops/sagemaker-toolkit';

export const PROCESSING_JOBS = ['preprocess', 'evaluation', 'inference'] as const;
/** The toolkit's image-default entry point variable (SAGEMAKER_PROGRAM or `sagemaker_program` still win). */
const DEFAULT_PROGRAM_ENV = 'SAGEMAKER_TOOLKIT_DEFAULT_PROGRAM';

export interface ContainerMainOptions {
  /** The bundle dir (the app's `__dirname` in dist/main.js); job bundles live in `<distDir>/jobs`. */
  distDir: string;
  /** Processing job names, each a bundle `jobs/<name>.js`. */
  processingJobs?: readonly string[];
  /** Training entry point, relative to `distDir`. */
  defaultProgram?: string;
  argv?: string[];
}

export function containerUsage(jobs: readonly string[] = PROCESSING_JOBS): string {
  return `usage: node main.js <train | ${jobs.join(' | ')}> [job arguments...]`;
}

export function runContainerMain(options: ContainerMainOptions): void {
  const jobs = options.processingJobs ?? PROCESSING_JOBS;
  const [command, ...rest] = options.argv ?? process.argv.slice(2);
  if (command === 'train') {
    const env = { ...process.env };
    if (!env.SAGEMAKER_PROGRAM && !env[DEFAULT_PROGRAM_ENV])
      env[DEFAULT_PROGRAM_ENV] = path.join(options.distDir, options.defaultProgram ?? 'jobs/training.js');
    // The runner starts the entry point in the code dir, which a local /opt/ml tree may not have.
    fs.mkdirSync(trainingPaths(resolveBaseDir(env)).codeDir, { recursive: true });
    void runTrainCommand({ env });
    return;
  }
  if (jobs.includes(command)) {
    const bundle = path.join(options.distDir, 'jobs', `${command}.js`);
    // The job bundle reads its own arguments from process.argv.slice(2).
    process.argv = [process.argv[0], bundle, ...rest];
    // A runtime path on purpose: each job is its own bundle next to this one.
    require(bundle);
    return;
  }
  console.error(command ? `unknown command "${command}"\n${containerUsage(jobs)}` : containerUsage(jobs));
  process.exit(2);
}
