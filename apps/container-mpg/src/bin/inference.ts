// Bundle entry for dist/jobs/inference.js.
import { runProcessing } from '@mlops/sagemaker-toolkit';
import { inferenceJob } from '../jobs/inference';

void runProcessing((env) => inferenceJob(env));
