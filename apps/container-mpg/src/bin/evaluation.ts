// Bundle entry for dist/jobs/evaluation.js.
import { runProcessing } from '@mlops/sagemaker-toolkit';
import { evaluationJob } from '../jobs/evaluation';

void runProcessing((env) => evaluationJob(env));
