/**
 * Inference (ProcessingJob): inputs `model` and `data` (one or more CSVs with the feature columns,
 * same header) → output `predictions`: predictions.csv = the input rows + `predicted_species`,
 * `confidence` (share of trees voting for it).
 */
import * as path from 'node:path';
import type { ProcessingEnv } from '@mlops/sagemaker-toolkit';
import { inferenceInputs, predictFiles, writePredictions } from '@mlops/ml-kit';
import { toDataset } from '../utils/dataset';
import { FEATURES, TARGET } from '../utils/schema';
import { loadModel, predict } from './load-model';

export const PREDICTION_COLUMNS = [`predicted_${TARGET}`, 'confidence'];

export interface InferenceResult {
  rows: number;
  files: string[];
  predictionsFile: string;
}

export function inferenceJob(env: ProcessingEnv): InferenceResult {
  const { loaded, files, outDir } = inferenceInputs(env, loadModel);
  const { header, rows } = predictFiles(files, PREDICTION_COLUMNS, (table, file) => {
    const { labels, confidence } = predict(
      loaded,
      toDataset(table, file, FEATURES, TARGET, { requireTarget: false, ignoreTarget: true }),
      file,
    );
    return labels.map((label, i) => [label, String(confidence[i])]);
  });
  const outFile = writePredictions(outDir, header, rows);
  console.log(`inference: ${rows.length} predictions from ${files.length} file(s) -> ${outFile}`);
  return { rows: rows.length, files: files.map((f) => path.basename(f)), predictionsFile: outFile };
}
