/** data/mpg/cars.csv is the one-time export of vega-datasets 3.2.1 cars.json (see data/README.md). */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { parseCsv } from '@mlops/ml-kit';
import { app } from './support/app';

const { RAW_CSV } = app;

describe('data/mpg/cars.csv', () => {
  const text = fs.readFileSync(RAW_CSV, 'utf8');

  it('has the documented header, 406 rows and 14 rows with a missing value', () => {
    const table = parseCsv(text, RAW_CSV);
    expect(table.header).toEqual([
      'Name',
      'Miles_per_Gallon',
      'Cylinders',
      'Displacement',
      'Horsepower',
      'Weight_in_lbs',
      'Acceleration',
      'Year',
      'Origin',
    ]);
    expect(table.rows).toHaveLength(406);
    expect(table.rows.filter((r) => r.values[1] === '')).toHaveLength(8);
    expect(table.rows.filter((r) => r.values[4] === '')).toHaveLength(6);
  });

  it('has the checksum recorded in data/README.md', () => {
    expect(createHash('sha256').update(text).digest('hex')).toBe(
      '12253f14c2d0e9b7a8f7f0c752bb2b765beb407c2f68aab944754ec3296d642a',
    );
  });
});
