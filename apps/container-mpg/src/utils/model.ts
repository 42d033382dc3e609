/** model.json: weights in standardised space plus the standardisation and column names inference needs. */
import { DataError } from '@mlops/ml-kit';
import { LinearParams, Standardization } from './linear';

export const MODEL_FORMAT = 'mlops.mpg.ridge-regression';
export const MODEL_VERSION = 1;
export const MODEL_FILE = 'model.json';

export interface MpgModel extends LinearParams {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  features: string[];
  target: string;
  standardization: Standardization;
  hyperparameters: Record<string, number>;
  epochs: number;
  /** Final training metrics, for the record. */
  metrics: Record<string, number>;
}

export function serializeModel(model: MpgModel): string {
  return JSON.stringify(model);
}

const isNumbers = (v: unknown, n: number) =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Parses and checks model.json; `file` names the source in errors. */
export function deserializeModel(text: string, file: string): MpgModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DataError(file, `model is not valid JSON (${(e as Error).message})`);
  }
  const m = raw as Partial<MpgModel> | null;
  if (!m || typeof m !== 'object') throw new DataError(file, 'model must be a JSON object');
  if (m.format !== MODEL_FORMAT) {
    throw new DataError(
      file,
      `"format" must be "${MODEL_FORMAT}", found ${JSON.stringify(m.format)} (not an mpg model?)`,
    );
  }
  if (m.version !== MODEL_VERSION)
    throw new DataError(
      file,
      `unsupported model "version" ${JSON.stringify(m.version)} (expected ${MODEL_VERSION})`,
    );
  if (
    !Array.isArray(m.features) ||
    m.features.length === 0 ||
    !m.features.every((f) => typeof f === 'string')
  ) {
    throw new DataError(file, '"features" must be a non-empty list of column names');
  }
  const d = m.features.length;
  if (typeof m.target !== 'string') throw new DataError(file, '"target" must be a column name');
  if (!isNumbers(m.weights, d)) throw new DataError(file, `"weights" must be ${d} finite numbers`);
  if (typeof m.bias !== 'number' || !Number.isFinite(m.bias))
    throw new DataError(file, '"bias" must be a finite number');
  if (!m.standardization || !isNumbers(m.standardization.mean, d) || !isNumbers(m.standardization.std, d)) {
    throw new DataError(file, `"standardization" must have ${d} finite "mean" and "std" values`);
  }
  return m as MpgModel;
}

/** Predictions in original units. */
export function predict(model: MpgModel, X: number[][]): number[] {
  const { mean, std } = model.standardization;
  return X.map((row) => row.reduce((s, v, j) => s + ((v - mean[j]) / std[j]) * model.weights[j], model.bias));
}
