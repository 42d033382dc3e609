/**
 * Training (TrainingJob): ridge regression by mini-batch gradient descent on channel `train`
 * (features standardised with the `stats` channel's train-split statistics, else computed here),
 * logs `train:rmse`, `validation:rmse`, `validation:mae`, `validation:r2` every `logEvery` epochs,
 * writes model.json to the model dir. On SIGTERM it checkpoints the finished epochs and stops; the
 * next run resumes from the checkpoint dir and ends with the same model as an uninterrupted run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  HyperparameterError,
  logMetric,
  onStop,
  restoreJsonCheckpoint,
  saveJsonCheckpoint,
  type JobContext,
  type TrainingEnv,
} from '@mlops/sagemaker-toolkit';
import { Dataset, readDataset } from '../utils/dataset';
import {
  DataError,
  JobStoppedError,
  channelCsv,
  readStatsChannel,
  writeFileAtomic,
  regressionMetrics,
  columnStats,
  ColumnStats,
} from '@mlops/ml-kit';
import {
  initParams,
  LinearParams,
  predictStandardized,
  sgdEpoch,
  standardization,
  Standardization,
  standardize,
} from '../utils/linear';
import { MODEL_FILE, MODEL_FORMAT, MODEL_VERSION, MpgModel, serializeModel } from '../utils/model';
import { FEATURES, TARGET } from '../utils/schema';
import { MpgHyperparameters, readHyperparameters } from './hyperparameters';

export const CHECKPOINT_FILE = 'mpg-ridge.json';

interface Checkpoint {
  format: 'mlops.mpg.checkpoint';
  hyperparameters: MpgHyperparameters;
  standardization: Standardization;
  /** Epochs completed. */
  epoch: number;
  params: LinearParams;
}

export interface TrainingResult {
  epochs: number;
  resumedFromEpoch: number;
  validation: { rmse: number; mae: number; r2: number };
  modelFile: string;
}

type Labelled = Dataset & { y: number[] };

function readChannel(env: TrainingEnv, channel: string): Labelled {
  const file = channelCsv(env, channel);
  return readDataset(fs.readFileSync(file, 'utf8'), file, FEATURES, TARGET, {
    requireTarget: true,
  }) as Labelled;
}

/** Feature mean/std from the `stats` channel (preprocess output) when given, else from the train split. */
function readStandardization(env: TrainingEnv, train: Labelled): { s: Standardization; source: string } {
  const read = readStatsChannel<{ featureStats?: Record<string, ColumnStats> }>(env, FEATURES, TARGET);
  if (!read) {
    const cols = FEATURES.map((_, j) => columnStats(train.X.map((r) => r[j])));
    return {
      s: standardization(
        cols.map((c) => c.mean),
        cols.map((c) => c.std),
      ),
      source: 'train channel',
    };
  }
  const { stats, file } = read;
  const cols = FEATURES.map((f) => stats.featureStats?.[f]);
  cols.forEach((c, j) => {
    if (!c || !Number.isFinite(c.mean) || !Number.isFinite(c.std))
      throw new DataError(file, `featureStats.${FEATURES[j]} needs finite "mean" and "std"`);
  });
  return {
    s: standardization(
      cols.map((c) => (c as ColumnStats).mean),
      cols.map((c) => (c as ColumnStats).std),
    ),
    source: file,
  };
}

/** A checkpoint from other data or hyperparameters would silently mix two fits: refuse it (only `epochs` may change). */
function checkCheckpoint(cp: Checkpoint, hps: MpgHyperparameters, s: Standardization, file: string): void {
  if (cp.format !== 'mlops.mpg.checkpoint' || !cp.params || !Number.isInteger(cp.epoch))
    throw new DataError(file, 'not an mpg training checkpoint');
  const { epochs: _a, logEvery: _b, ...now } = hps;
  const { epochs: _c, logEvery: _d, ...then } = cp.hyperparameters ?? ({} as MpgHyperparameters);
  if (
    JSON.stringify(now) !== JSON.stringify(then) ||
    JSON.stringify(cp.standardization) !== JSON.stringify(s)
  ) {
    throw new DataError(
      file,
      `checkpoint was written with other hyperparameters or feature statistics (${JSON.stringify(then)}), this job has ` +
        `${JSON.stringify(now)}; delete the checkpoint or use the same settings`,
    );
  }
}

const nextTick = () => new Promise<void>((r) => setImmediate(r));

export async function trainingJob(env: TrainingEnv, ctx: JobContext): Promise<TrainingResult> {
  const hps = readHyperparameters(env.hyperparameters);
  const train = readChannel(env, 'train');
  const validation = readChannel(env, 'validation');
  const { s, source } = readStandardization(env, train);
  const Ztrain = standardize(train.X, s);
  const Zvalidation = standardize(validation.X, s);

  const cpOptions = { dir: env.checkpointDir };
  const cpFile = path.join(env.checkpointDir, CHECKPOINT_FILE);
  const restored = restoreJsonCheckpoint<Checkpoint>(CHECKPOINT_FILE, cpOptions);
  if (restored) checkCheckpoint(restored, hps, s, cpFile);
  let params = restored?.params ?? initParams(FEATURES.length, columnStats(train.y).mean, hps.seed);
  let epoch = Math.min(restored?.epoch ?? 0, hps.epochs);
  const resumedFromEpoch = epoch;
  console.log(`training: standardising with ${source}`);
  if (restored) console.log(`training: resuming from checkpoint ${cpFile} at epoch ${epoch}/${hps.epochs}`);

  const save = () =>
    saveJsonCheckpoint(
      CHECKPOINT_FILE,
      {
        format: 'mlops.mpg.checkpoint',
        hyperparameters: hps,
        standardization: s,
        epoch,
        params,
      } satisfies Checkpoint,
      cpOptions,
    );
  const unsubscribe = onStop((signal) => {
    const file = save();
    console.log(`training: ${signal}: saved checkpoint ${file} at epoch ${epoch}/${hps.epochs}`);
  });
  const evaluate = () => ({
    train: regressionMetrics(train.y, predictStandardized(Ztrain, params)),
    validation: regressionMetrics(validation.y, predictStandardized(Zvalidation, params)),
  });
  // Saved again here: the signal may be aborted by something other than the toolkit's stop hook.
  const stopped = () =>
    new JobStoppedError(`training stopped after ${epoch}/${hps.epochs} epochs; checkpoint in ${save()}`);
  try {
    while (epoch < hps.epochs) {
      // Yield so a SIGTERM handler (checkpoint) runs between epochs, never inside one.
      await nextTick();
      if (ctx.signal.aborted) throw stopped();
      const next = sgdEpoch(Ztrain, train.y, params, hps, epoch);
      if (!next.weights.every(Number.isFinite) || !Number.isFinite(next.bias)) {
        throw new HyperparameterError(
          'learningRate',
          'a smaller value (training diverged)',
          hps.learningRate,
          `weights became non-finite at epoch ${epoch}`,
        );
      }
      params = next;
      epoch++;
      if (epoch % hps.logEvery === 0 || epoch === hps.epochs) {
        const m = evaluate();
        logMetric('train:rmse', m.train.rmse, { step: epoch });
        logMetric('validation:rmse', m.validation.rmse, { step: epoch });
        logMetric('validation:mae', m.validation.mae, { step: epoch });
        logMetric('validation:r2', m.validation.r2, { step: epoch });
      }
    }
    await nextTick();
    if (ctx.signal.aborted) throw stopped();
  } finally {
    unsubscribe();
  }

  const m = evaluate();
  const model: MpgModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    features: [...FEATURES],
    target: TARGET,
    standardization: s,
    weights: params.weights,
    bias: params.bias,
    hyperparameters: { ...hps },
    epochs: hps.epochs,
    metrics: {
      'train:rmse': m.train.rmse,
      'validation:rmse': m.validation.rmse,
      'validation:mae': m.validation.mae,
      'validation:r2': m.validation.r2,
    },
  };
  const modelFile = path.join(env.modelDir, MODEL_FILE);
  writeFileAtomic(modelFile, serializeModel(model));
  console.log(
    `training: ${hps.epochs} epochs, validation RMSE ${m.validation.rmse.toFixed(3)}, R² ${m.validation.r2.toFixed(4)} -> ${modelFile}`,
  );
  return {
    epochs: hps.epochs,
    resumedFromEpoch,
    validation: { rmse: m.validation.rmse, mae: m.validation.mae, r2: m.validation.r2 },
    modelFile,
  };
}
