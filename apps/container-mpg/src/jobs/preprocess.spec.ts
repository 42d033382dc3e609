import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProcessingEnv } from '@mlops/sagemaker-toolkit';
import { preprocessTree, useInProcessJobs, writeInto } from '@mlops/ml-kit/testing';
import { app } from '../../test/support/app';
import { preprocessJob } from './preprocess';

describe('preprocessJob', () => {
  const jobs = useInProcessJobs();

  function run(raw?: string, environment: Record<string, string> = {}) {
    const tree = jobs.track(preprocessTree({ name: 'cars.csv', file: app.RAW_CSV, text: raw }, environment));
    return { tree, stats: preprocessJob(loadProcessingEnv({ baseDir: tree.base }), { processEnv: {} }) };
  }

  it('keeps only feature + target columns and records train-split statistics', () => {
    const { tree, stats } = run();
    const train = fs.readFileSync(path.join(tree.outputs.train, 'train.csv'), 'utf8').trim().split('\n');
    expect(train[0]).toBe(
      'Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Miles_per_Gallon',
    );
    expect(train).toHaveLength(275);
    expect(JSON.parse(fs.readFileSync(path.join(tree.outputs.stats, 'stats.json'), 'utf8'))).toEqual(stats);
    const mpg = train.slice(1).map((l) => Number(l.split(',')[6]));
    expect(stats.targetStats.mean).toBeCloseTo(mpg.reduce((s, v) => s + v, 0) / mpg.length, 12);
    expect(stats.source.sha256).toBe('12253f14c2d0e9b7a8f7f0c752bb2b765beb407c2f68aab944754ec3296d642a');
  });

  it('drops rows with a missing value anywhere it matters, ignoring unused columns', () => {
    const header =
      'Name,Miles_per_Gallon,Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Origin\n';
    const good = Array.from(
      { length: 25 },
      (_, i) => `car ${i},${20 + i},4,100,${80 + i},2000,15,1975,\n`,
    ).join('');
    const { stats } = run(
      header + good + 'no hp,20,4,100,,2000,15,1975,USA\nno mpg,,4,100,90,2000,15,1975,USA\n',
    );
    expect(stats.rows).toMatchObject({ raw: 27, dropped: 2 });
    expect(stats.rows.train + stats.rows.validation + stats.rows.test).toBe(25);
  });

  it('uses SPLIT_SEED from the request Environment', () => {
    const a = run(undefined, { SPLIT_SEED: '5' });
    const b = run(undefined, { SPLIT_SEED: '6' });
    const test = (t: typeof a) => fs.readFileSync(path.join(t.tree.outputs.test, 'test.csv'), 'utf8');
    expect(a.stats.splitSeed).toBe(5);
    expect(test(a)).not.toBe(test(b));
  });

  it('two CSVs in the raw input are refused, naming them', () => {
    const tree = jobs.track(preprocessTree({ name: 'a.csv', text: 'x\n1\n' }));
    writeInto(tree.inputs.raw, { 'b.csv': 'x\n1\n' });
    expect(() => preprocessJob(loadProcessingEnv({ baseDir: tree.base }), { processEnv: {} })).toThrow(
      /expected one \.csv file in the raw input, found 2: a\.csv, b\.csv/,
    );
  });
});
