// The acceptance example: a 20-line training job. Bundled by the tests and run under `train`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTraining, hyperparameterReader, logMetric, listChannelFiles } from '../src';

// SM_* exactly as `train` handed them over (runTraining re-exports the same values).
const smEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('SM_')));
runTraining(async (env) => {
  const hp = hyperparameterReader(env.hyperparameters);
  const epochs = hp.int('epochs', { default: 3, min: 1 });
  const lr = hp.float('learning-rate');
  const rows = listChannelFiles(env, 'train').flatMap((f) =>
    fs.readFileSync(path.join(env.channelInputDirs.train, f), 'utf8').trim().split('\n').map(Number),
  );
  let w = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = rows.reduce((g, y) => g + (w - y), 0) / rows.length;
    w -= lr * grad;
    logMetric('train:loss', rows.reduce((l, y) => l + (w - y) ** 2, 0) / rows.length, { step: epoch });
  }
  fs.writeFileSync(
    path.join(env.modelDir, 'model.json'),
    JSON.stringify({ w, args: process.argv.slice(2), smEnv }),
  );
});
