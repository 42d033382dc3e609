/**
 * dist/main.js: the image's commands without Docker (the local SageMaker's process runtime runs
 * `node main.js train` for training and `node main.js <job>` for processing, cwd = dist).
 * - `train`: the toolkit's `train` runner with jobs/training.js as the default entry point;
 * - `preprocess | evaluation | inference [args...]`: that processing job, in this process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveBaseDir, runTrainCommand, trainingPaths } from '@mlops/sagemaker-toolkit';

export const PROCESSING_JOBS = ['preprocess', 'evaluation', 'inference'] as const;
/** The toolkit's image-default entry point variable (SAGEMAKER_PROGRAM or `sagemaker_program` still win). */
const DEFAULT_PROGRAM_ENV = 'SAGEMAKER_TOOLKIT_DEFAULT_PROGRAM';

function usage(): string {
  return `usage: node main.js <train | ${PROCESSING_JOBS.join(' | ')}> [job arguments...]`;
}

function main(argv: string[] = process.argv.slice(2)): void {
  const [command, ...rest] = argv;
  if (command === 'train') {
    const env = { ...process.env };
    if (!env.SAGEMAKER_PROGRAM && !env[DEFAULT_PROGRAM_ENV])
      env[DEFAULT_PROGRAM_ENV] = path.join(__dirname, 'jobs', 'training.js');
    // The runner starts the entry point in the code dir, which a local /opt/ml tree may not have.
    fs.mkdirSync(trainingPaths(resolveBaseDir(env)).codeDir, { recursive: true });
    void runTrainCommand({ env });
    return;
  }
  if ((PROCESSING_JOBS as readonly string[]).includes(command)) {
    // The job bundle reads its own arguments from process.argv.slice(2).
    process.argv = [process.argv[0], path.join(__dirname, 'jobs', `${command}.js`), ...rest];
    // A runtime path on purpose: each job is its own bundle next to this one.
    require(path.join(__dirname, 'jobs', `${command}.js`));
    return;
  }
  console.error(command ? `unknown command "${command}"\n${usage()}` : usage());
  process.exit(2);
}

main();
