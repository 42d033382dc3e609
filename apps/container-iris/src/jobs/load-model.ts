/** Loads the iris model from a processing input (model.json or model.tar.gz) and checks data columns against it. */
import { Dataset } from '../utils/dataset';
import { checkModelFeatures, readModelFile } from '@mlops/ml-kit';
import { Forest } from '../utils/forest';
import { deserializeModel, IrisModel, MODEL_FILE } from '../utils/model';

export interface LoadedModel {
  model: IrisModel;
  forest: Forest;
  source: string;
}

export function loadModel(dir: string): LoadedModel {
  const { text, source } = readModelFile(dir, MODEL_FILE);
  const model = deserializeModel(text, source);
  return { model, forest: new Forest(model.rounds, model.classes.length), source };
}

/** Predicted class names and vote shares (the share of trees that voted for the predicted class). */
export function predict(
  loaded: LoadedModel,
  data: Dataset,
  file: string,
): { labels: string[]; confidence: number[] } {
  checkModelFeatures(data.features, loaded.model.features, file);
  const { votes, trees } = loaded.forest.votes(data.X);
  const labels: string[] = [];
  const confidence: number[] = [];
  for (const v of votes) {
    let best = 0;
    for (let c = 1; c < v.length; c++) if (v[c] > v[best]) best = c;
    labels.push(loaded.model.classes[best]);
    confidence.push(v[best] / trees);
  }
  return { labels, confidence };
}
