/**
 * `train`: what SageMaker runs (`docker run <image> train`). Bundled to dist/train.js and copied
 * to /usr/local/bin/train in the image. Imports only the runner path to keep start-up fast.
 */
import { runTrainCommand } from '../lib/runner';

void runTrainCommand();
