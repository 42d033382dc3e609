/**
 * Inference (ProcessingJob): inputs `model` and `data` (one or more CSVs with the feature columns,
 * same header) → output `predictions`: predictions.csv = the input rows + `predicted_Miles_per_Gallon`.
 * A row with an empty feature (as in the raw Auto MPG data) keeps its place with an empty prediction,
 * so outputs stay aligned with inputs; a non-numeric value still fails the job.
 */
import * as path from 'node:path';
import type { ProcessingEnv } from '@mlops/sagemaker-toolkit';
import { inferenceInputs, predictFiles, writePredictions } from '@mlops/ml-kit';
import { toDataset } from '../utils/dataset';
import { FEATURES, TARGET } from '../utils/schema';
import { loadModel, predict } from './load-model';

export const PREDICTION_COLUMN = `predicted_${TARGET}`;

export interface InferenceResult {
  rows: number;
  /** Rows left without a prediction because a feature was empty. */
  skipped: number;
  files: string[];
  predictionsFile: string;
}

export function inferenceJob(env: ProcessingEnv): InferenceResult {
  const { loaded, files, outDir } = inferenceInputs(env, loadModel);
  let skipped = 0;
  const { header, rows } = predictFiles(files, [PREDICTION_COLUMN], (table, file) => {
    const data = toDataset(table, file, FEATURES, TARGET, {
      requireTarget: false,
      ignoreTarget: true,
      dropMissing: true,
    });
    const predictions = predict(loaded, data, file);
    // Rounded to 4 decimals: plenty for mpg, and stable text across platforms.
    const byLine = new Map(data.lines.map((line, i) => [line, predictions[i].toFixed(4)]));
    skipped += data.dropped;
    return table.rows.map((row) => [byLine.get(row.line) ?? '']);
  });
  const outFile = writePredictions(outDir, header, rows);
  console.log(
    `inference: ${rows.length - skipped} predictions for ${rows.length} rows from ${files.length} file(s)` +
      `${skipped ? ` (${skipped} rows with a missing feature left empty)` : ''} -> ${outFile}`,
  );
  return { rows: rows.length, skipped, files: files.map((f) => path.basename(f)), predictionsFile: outFile };
}
