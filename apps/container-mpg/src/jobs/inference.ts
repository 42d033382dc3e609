/**
 * Inference (ProcessingJob): inputs `model` and `data` (one or more CSVs with the feature columns,
 * same header) → output `predictions`: predictions.csv = the input rows + `predicted_Miles_per_Gallon`.
 * A row with an empty feature (as in the raw Auto MPG data) keeps its place with an empty prediction,
 * so outputs stay aligned with inputs; a non-numeric value still fails the job.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProcessingEnv } from '@mlops/sagemaker-toolkit';
import { parseCsv, toCsv, DataError, csvFiles, namedDir, writeAll } from '@mlops/ml-kit';
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
  const loaded = loadModel(namedDir(env.inputs, 'model', 'input'));
  const files = csvFiles(namedDir(env.inputs, 'data', 'input'), 'data');
  const outFile = path.join(namedDir(env.outputs, 'predictions', 'output'), 'predictions.csv');
  let header: string[] | undefined;
  const rows: string[][] = [];
  let skipped = 0;
  for (const file of files) {
    const table = parseCsv(fs.readFileSync(file, 'utf8'), file);
    if (header && table.header.join(',') !== header.join(',')) {
      throw new DataError(
        file,
        `header ${table.header.join(',')} differs from ${path.basename(files[0])}'s ${header.join(',')}`,
      );
    }
    header = table.header;
    if (table.header.includes(PREDICTION_COLUMN))
      throw new DataError(file, `input already has a "${PREDICTION_COLUMN}" column`);
    const data = toDataset(table, file, FEATURES, TARGET, {
      requireTarget: false,
      ignoreTarget: true,
      dropMissing: true,
    });
    const predictions = predict(loaded, data, file);
    // Rounded to 4 decimals: plenty for mpg, and stable text across platforms.
    const byLine = new Map(data.lines.map((line, i) => [line, predictions[i].toFixed(4)]));
    skipped += data.dropped;
    table.rows.forEach((row) => rows.push([...row.values, byLine.get(row.line) ?? '']));
  }
  writeAll({ [outFile]: toCsv([...(header as string[]), PREDICTION_COLUMN], rows) });
  console.log(
    `inference: ${rows.length - skipped} predictions for ${rows.length} rows from ${files.length} file(s)` +
      `${skipped ? ` (${skipped} rows with a missing feature left empty)` : ''} -> ${outFile}`,
  );
  return { rows: rows.length, skipped, files: files.map((f) => path.basename(f)), predictionsFile: outFile };
}
