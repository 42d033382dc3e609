/**
 * Training (TrainingJob): grows the forest round by round on channel `train`, logs
 * `train:accuracy` / `validation:accuracy` per round, writes model.json to the model dir.
 * On SIGTERM it checkpoints the finished rounds and stops; the next run resumes from the checkpoint
 * dir and ends with the same model as an uninterrupted run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
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
  accuracy,
  classificationReport,
} from '@mlops/ml-kit';
import { argmax, Forest, ForestParams, roundCount, RoundJson, trainRound } from '../utils/forest';
import { IrisModel, MODEL_FILE, MODEL_FORMAT, MODEL_VERSION, serializeModel } from '../utils/model';
import { FEATURES, TARGET } from '../utils/schema';
import { readHyperparameters } from './hyperparameters';

export const CHECKPOINT_FILE = 'iris-forest.json';

interface Checkpoint {
  format: 'mlops.iris.checkpoint';
  classes: string[];
  params: ForestParams;
  rounds: RoundJson[];
}

export interface TrainingResult {
  rounds: number;
  resumedFromRound: number;
  trainAccuracy: number;
  validationAccuracy: number;
  modelFile: string;
}

function readChannel(env: TrainingEnv, channel: string): Dataset & { y: string[] } {
  const file = channelCsv(env, channel);
  return readDataset(fs.readFileSync(file, 'utf8'), file, FEATURES, TARGET, {
    requireTarget: true,
  }) as Dataset & { y: string[] };
}

/** A checkpoint from other data or hyperparameters would silently mix two models: refuse it. */
function checkCheckpoint(cp: Checkpoint, classes: string[], params: ForestParams, file: string): void {
  const { nEstimators: _a, ...now } = params;
  const { nEstimators: _b, ...then } = cp.params ?? ({} as ForestParams);
  if (cp.format !== 'mlops.iris.checkpoint' || !Array.isArray(cp.rounds))
    throw new DataError(file, 'not an iris training checkpoint');
  if (
    JSON.stringify(now) !== JSON.stringify(then) ||
    JSON.stringify(cp.classes) !== JSON.stringify(classes)
  ) {
    throw new DataError(
      file,
      `checkpoint was written with other hyperparameters or classes (${JSON.stringify({ ...then, classes: cp.classes })}), ` +
        `this job has ${JSON.stringify({ ...now, classes })}; delete the checkpoint or use the same settings`,
    );
  }
}

const nextTick = () => new Promise<void>((r) => setImmediate(r));

export async function trainingJob(env: TrainingEnv, ctx: JobContext): Promise<TrainingResult> {
  const params = readHyperparameters(env.hyperparameters);
  // The optional `stats` channel must describe the same columns, else the splits and the model disagree.
  readStatsChannel(env, FEATURES, TARGET);
  const train = readChannel(env, 'train');
  const validation = readChannel(env, 'validation');
  const classes = [...new Set(train.y)].sort();
  const yTrain = train.y.map((l) => classes.indexOf(l));

  const cpOptions = { dir: env.checkpointDir };
  const cpFile = path.join(env.checkpointDir, CHECKPOINT_FILE);
  const restored = restoreJsonCheckpoint<Checkpoint>(CHECKPOINT_FILE, cpOptions);
  if (restored) checkCheckpoint(restored, classes, params, cpFile);
  const total = roundCount(params);
  const rounds: RoundJson[] = (restored?.rounds ?? []).slice(0, total);
  const resumedFromRound = rounds.length;
  if (resumedFromRound > 0)
    console.log(`training: resuming from checkpoint ${cpFile} at round ${resumedFromRound}/${total}`);

  // Votes accumulate round by round, so metrics per round cost one round's prediction.
  const trainVotes = train.X.map(() => new Array<number>(classes.length).fill(0));
  const validationVotes = validation.X.map(() => new Array<number>(classes.length).fill(0));
  const addVotes = (round: RoundJson) => {
    const forest = new Forest([round], classes.length);
    forest.votes(train.X).votes.forEach((v, i) => v.forEach((n, c) => (trainVotes[i][c] += n)));
    forest.votes(validation.X).votes.forEach((v, i) => v.forEach((n, c) => (validationVotes[i][c] += n)));
  };
  rounds.forEach(addVotes);
  const predictLabels = (votes: number[][]) => votes.map((v) => classes[argmax(v)]);

  const save = () =>
    saveJsonCheckpoint(
      CHECKPOINT_FILE,
      { format: 'mlops.iris.checkpoint', classes, params, rounds } satisfies Checkpoint,
      cpOptions,
    );
  const unsubscribe = onStop((signal) => {
    const file = save();
    console.log(`training: ${signal}: saved checkpoint ${file} with ${rounds.length}/${total} rounds`);
  });
  // Saved again here: the signal may be aborted by something other than the toolkit's stop hook.
  const stopped = () =>
    new JobStoppedError(`training stopped after ${rounds.length}/${total} rounds; checkpoint in ${save()}`);
  let trainAccuracy = NaN;
  let validationAccuracy = NaN;
  try {
    for (let round = rounds.length; round < total; round++) {
      // Yield so a SIGTERM handler (checkpoint) runs between rounds, never inside one.
      await nextTick();
      if (ctx.signal.aborted) throw stopped();
      const r = trainRound(train.X, yTrain, params, round);
      rounds.push(r);
      addVotes(r);
      trainAccuracy = accuracy(train.y, predictLabels(trainVotes));
      validationAccuracy = accuracy(validation.y, predictLabels(validationVotes));
      logMetric('train:accuracy', trainAccuracy, { step: round });
      logMetric('validation:accuracy', validationAccuracy, { step: round });
    }
    await nextTick();
    if (ctx.signal.aborted) throw stopped();
  } finally {
    unsubscribe();
  }

  const trainPred = predictLabels(trainVotes);
  const validationReport = classificationReport(validation.y, predictLabels(validationVotes), classes);
  trainAccuracy = accuracy(train.y, trainPred);
  validationAccuracy = validationReport.accuracy;
  logMetric('validation:macro_f1', validationReport.macroF1);
  const model: IrisModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    features: [...FEATURES],
    target: TARGET,
    classes,
    params,
    rounds,
    metrics: {
      'train:accuracy': trainAccuracy,
      'validation:accuracy': validationAccuracy,
      'validation:macro_f1': validationReport.macroF1,
    },
  };
  const modelFile = path.join(env.modelDir, MODEL_FILE);
  writeFileAtomic(modelFile, serializeModel(model));
  console.log(
    `training: ${total} rounds (${params.nEstimators} trees), validation accuracy ${validationAccuracy.toFixed(4)} -> ${modelFile}`,
  );
  return { rounds: total, resumedFromRound, trainAccuracy, validationAccuracy, modelFile };
}
