/**
 * `train`: what SageMaker runs (`docker run <image> train`). Bundled to dist/train.js and copied
 * to /usr/local/bin/train in the image. Imports only the runner path to keep start-up fast.
 */
import { runTrainCommand } from '../lib/runner';

runTrainCommand().catch((e: unknown) => {
  // runTrainCommand reports job failures itself; this is only for bugs in the runner.
  process.stderr.write(`[sagemaker-toolkit] internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
