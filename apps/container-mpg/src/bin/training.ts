// Bundle entry for dist/jobs/training.js: what `train` runs (SAGEMAKER_PROGRAM) in the image.
import { runTraining } from '@mlops/sagemaker-toolkit';
import { trainingJob } from '../jobs/training';

void runTraining(trainingJob);
