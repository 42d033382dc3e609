/**
 * Inference (ProcessingJob): inputs `model` and `data` (one or more CSVs with the feature columns,
 * same header) → output `predictions`: predictions.csv = the input rows + `predicted_species`,
 * `confidence` (share of trees voting for it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProcessingEnv } from '@mlops/sagemaker-toolkit';
import { parseCsv, toCsv, DataError, csvFiles, namedDir, writeAll } from '@mlops/ml-kit';
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
  const loaded = loadModel(namedDir(env.inputs, 'model', 'input'));
  const files = csvFiles(namedDir(env.inputs, 'data', 'input'), 'data');
  const outFile = path.join(namedDir(env.outputs, 'predictions', 'output'), 'predictions.csv');
  let header: string[] | undefined;
  const rows: string[][] = [];
  for (const file of files) {
    const table = parseCsv(fs.readFileSync(file, 'utf8'), file);
    if (header && table.header.join(',') !== header.join(',')) {
      throw new DataError(
        file,
        `header ${table.header.join(',')} differs from ${path.basename(files[0])}'s ${header.join(',')}`,
      );
    }
    header = table.header;
    for (const col of PREDICTION_COLUMNS) {
      if (table.header.includes(col)) throw new DataError(file, `input already has a "${col}" column`);
    }
    const { labels, confidence } = predict(
      loaded,
      toDataset(table, file, FEATURES, TARGET, { requireTarget: false, ignoreTarget: true }),
      file,
    );
    table.rows.forEach((row, i) => rows.push([...row.values, labels[i], String(confidence[i])]));
  }
  writeAll({ [outFile]: toCsv([...(header as string[]), ...PREDICTION_COLUMNS], rows) });
  console.log(`inference: ${rows.length} predictions from ${files.length} file(s) -> ${outFile}`);
  return { rows: rows.length, files: files.map((f) => path.basename(f)), predictionsFile: outFile };
}
