// Bundle entry for dist/jobs/preprocess.js: the job under the toolkit's processing runner.
import { runProcessing } from '@mlops/sagemaker-toolkit';
import { preprocessJob } from '../jobs/preprocess';

void runProcessing((env) => preprocessJob(env, { argv: process.argv.slice(2) }));
