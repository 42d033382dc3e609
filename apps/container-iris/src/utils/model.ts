/** model.json: the forest rounds plus everything inference needs (feature order, class names). */
import { DataError } from '@mlops/ml-kit';
import { ForestParams, RoundJson } from './forest';

export const MODEL_FORMAT = 'mlops.iris.random-forest';
export const MODEL_VERSION = 1;
export const MODEL_FILE = 'model.json';

export interface IrisModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  features: string[];
  target: string;
  classes: string[];
  params: ForestParams;
  rounds: RoundJson[];
  /** Final training metrics, for the record. */
  metrics: Record<string, number>;
}

export function serializeModel(model: IrisModel): string {
  return JSON.stringify(model);
}

/** Parses and checks model.json; `file` names the source in errors. */
export function deserializeModel(text: string, file: string): IrisModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DataError(file, `model is not valid JSON (${(e as Error).message})`);
  }
  const m = raw as Partial<IrisModel> | null;
  if (!m || typeof m !== 'object') throw new DataError(file, 'model must be a JSON object');
  if (m.format !== MODEL_FORMAT) {
    throw new DataError(
      file,
      `"format" must be "${MODEL_FORMAT}", found ${JSON.stringify(m.format)} (not an iris model?)`,
    );
  }
  if (m.version !== MODEL_VERSION)
    throw new DataError(
      file,
      `unsupported model "version" ${JSON.stringify(m.version)} (expected ${MODEL_VERSION})`,
    );
  const strings = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string');
  if (!strings(m.features)) throw new DataError(file, '"features" must be a non-empty list of column names');
  if (!strings(m.classes)) throw new DataError(file, '"classes" must be a non-empty list of class names');
  if (typeof m.target !== 'string') throw new DataError(file, '"target" must be a column name');
  if (!Array.isArray(m.rounds) || m.rounds.length === 0)
    throw new DataError(file, '"rounds" must be a non-empty list');
  return m as IrisModel;
}
