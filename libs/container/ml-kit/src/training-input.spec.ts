import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTrainingEnv } from '@mlops/sagemaker-toolkit';
import { makeTrainingTree, removeDir, writeInto } from '../testing/opt-ml';
import { channelCsv, readStatsChannel } from './training-input';

describe('training inputs', () => {
  const bases: string[] = [];
  afterAll(() => bases.forEach(removeDir));
  const env = (channels: string[]) => {
    const t = makeTrainingTree({}, channels);
    bases.push(t.base);
    return { t, env: loadTrainingEnv({ baseDir: t.base, env: {} }) };
  };

  it('gives the one CSV of a channel and names an undeclared channel', () => {
    const { t, env: e } = env(['train']);
    writeInto(t.channels.train, { 'train.csv': 'x\n1\n' });
    expect(channelCsv(e, 'train')).toBe(path.join(t.channels.train, 'train.csv'));
    expect(() => channelCsv(e, 'validation')).toThrow(/channel "validation": not declared/);
  });

  it('reads the optional stats channel, checking its columns', () => {
    expect(readStatsChannel(env(['train']).env, ['a'], 'y')).toBeUndefined();
    const { t, env: e } = env(['train', 'stats']);
    const file = path.join(t.channels.stats, 'stats.json');
    writeInto(t.channels.stats, { 'stats.json': JSON.stringify({ features: ['a'], target: 'y', n: 3 }) });
    expect(readStatsChannel<{ n: number }>(e, ['a'], 'y')).toEqual({
      stats: { features: ['a'], target: 'y', n: 3 },
      file,
    });
    expect(() => readStatsChannel(e, ['a', 'b'], 'y')).toThrow(
      `${file}: stats describe features ["a"] / target "y", expected ["a","b"] / "y"`,
    );
    fs.writeFileSync(file, '{');
    expect(() => readStatsChannel(e, ['a'], 'y')).toThrow(new RegExp(`^${file}: cannot read stats \\(`));
  });
});
