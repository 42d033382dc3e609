/** Loads the mpg model from a processing input (model.json or model.tar.gz) and checks data columns against it. */
import { Dataset } from '../utils/dataset';
import { checkModelFeatures, readModelFile } from '@mlops/ml-kit';
import { deserializeModel, MODEL_FILE, MpgModel, predict as predictModel } from '../utils/model';

export interface LoadedModel {
  model: MpgModel;
  source: string;
}

export function loadModel(dir: string): LoadedModel {
  const { text, source } = readModelFile(dir, MODEL_FILE);
  return { model: deserializeModel(text, source), source };
}

export function predict(loaded: LoadedModel, data: Dataset, file: string): number[] {
  checkModelFeatures(data.features, loaded.model.features, file);
  return predictModel(loaded.model, data.X);
}
