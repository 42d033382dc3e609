import { argmax, Forest, ForestParams, roundCount, trainRound } from './forest';
import { mulberry32 } from '@mlops/ml-kit';

// Two well-separated blobs: every sensible forest gets them right.
const rng = mulberry32(5);
const X = Array.from({ length: 60 }, (_, i) => (i < 30 ? [rng(), rng()] : [5 + rng(), 5 + rng()]));
const y = X.map((_, i) => (i < 30 ? 0 : 1));
const params: ForestParams = {
  nEstimators: 7,
  treesPerRound: 3,
  maxDepth: 4,
  minNumSamples: 2,
  maxFeatures: 1,
  seed: 11,
};

describe('forest grown in rounds', () => {
  it('counts rounds, the last one holding the remainder', () => {
    expect(roundCount(params)).toBe(3);
    expect(roundCount({ ...params, nEstimators: 6 })).toBe(2);
    expect(new Forest([trainRound(X, y, params, 2)], 2).votes(X).trees).toBe(1);
  });

  it('a round is reproducible from (seed, round) and differs between rounds', () => {
    expect(JSON.stringify(trainRound(X, y, params, 1))).toBe(JSON.stringify(trainRound(X, y, params, 1)));
    expect(JSON.stringify(trainRound(X, y, params, 0))).not.toBe(JSON.stringify(trainRound(X, y, params, 1)));
  });

  it('votes over every tree of every round and predicts the majority', () => {
    const forest = new Forest(
      [0, 1, 2].map((r) => trainRound(X, y, params, r)),
      2,
    );
    const { votes, trees } = forest.votes(X);
    expect(trees).toBe(7);
    expect(votes.every((v) => v[0] + v[1] === 7)).toBe(true);
    expect(forest.predict(X)).toEqual(y);
    expect(
      forest.predict([
        [0.5, 0.5],
        [5.5, 5.5],
      ]),
    ).toEqual([0, 1]);
  });

  it('argmax breaks ties towards the lowest index', () => {
    expect(argmax([1, 3, 3])).toBe(1);
    expect(argmax([2])).toBe(0);
  });
});
