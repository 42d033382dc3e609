/** The inference job's I/O, the same for every model: data CSVs in, predictions.csv = input rows + predictions. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CsvTable, parseCsv, toCsv } from './csv';
import { DataError } from './errors';
import { csvFiles, namedDir, writeAll } from './files';

/**
 * The inference job's inputs and output, in the order they are checked: the `model` input (the model's own
 * loader), the CSVs of the `data` input, the `predictions` output dir.
 */
export function inferenceInputs<M>(
  env: { inputs: Record<string, string>; outputs: Record<string, string> },
  loadModel: (dir: string) => M,
): { loaded: M; files: string[]; outDir: string } {
  const loaded = loadModel(namedDir(env.inputs, 'model', 'input'));
  const files = csvFiles(namedDir(env.inputs, 'data', 'input'), 'data');
  return { loaded, files, outDir: namedDir(env.outputs, 'predictions', 'output') };
}

/**
 * Reads the data files in order (one header for all, none of the prediction columns in it); `predict` gives
 * the prediction values of each row of a table. Returns predictions.csv's header and rows.
 */
export function predictFiles(
  files: readonly string[],
  predictionColumns: readonly string[],
  predict: (table: CsvTable, file: string) => string[][],
): { header: string[]; rows: string[][] } {
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
    for (const col of predictionColumns) {
      if (table.header.includes(col)) throw new DataError(file, `input already has a "${col}" column`);
    }
    const predictions = predict(table, file);
    table.rows.forEach((row, i) => rows.push([...row.values, ...predictions[i]]));
  }
  return { header: [...(header ?? []), ...predictionColumns], rows };
}

/** Writes predictions.csv (atomically) into the `predictions` output dir; returns its path. */
export function writePredictions(outDir: string, header: string[], rows: string[][]): string {
  const file = path.join(outDir, 'predictions.csv');
  writeAll({ [file]: toCsv(header, rows) });
  return file;
}
