/**
 * A random forest grown in rounds: each round is an ml-random-forest classifier of a few trees with
 * its own seed (seed + round), and the model votes over every tree of every round. Rounds make
 * training checkpointable: a resumed run grows the remaining rounds and ends with the same model as
 * an uninterrupted one.
 */
import { RandomForestClassifier } from 'ml-random-forest';

export interface ForestParams {
  nEstimators: number;
  treesPerRound: number;
  maxDepth: number;
  minNumSamples: number;
  /** Fraction (0, 1] of the features each tree sees. */
  maxFeatures: number;
  seed: number;
}

/** Serialised round: what RandomForestClassifier#toJSON returns (opaque to us). */
export type RoundJson = Record<string, unknown>;

export function roundCount(p: ForestParams): number {
  return Math.ceil(p.nEstimators / p.treesPerRound);
}

/** Grows round `round` (0-based) on features X and class indexes y. */
export function trainRound(X: number[][], y: number[], p: ForestParams, round: number): RoundJson {
  const trees = Math.min(p.treesPerRound, p.nEstimators - round * p.treesPerRound);
  const forest = new RandomForestClassifier({
    nEstimators: trees,
    // 32-bit seed per round, so each round is reproducible on its own.
    seed: (p.seed + round * 7919) | 0,
    maxFeatures: p.maxFeatures,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: p.maxDepth, minNumSamples: p.minNumSamples },
  } as ConstructorParameters<typeof RandomForestClassifier>[0]);
  forest.train(X, y);
  return forest.toJSON() as unknown as RoundJson;
}

export interface Votes {
  /** votes[i][c]: trees voting class c for sample i. */
  votes: number[][];
  trees: number;
}

/** Loaded rounds, ready to predict (loading is the slow part, so do it once). */
export class Forest {
  private readonly rounds: RandomForestClassifier[];

  constructor(
    rounds: RoundJson[],
    private readonly nClasses: number,
  ) {
    this.rounds = rounds.map((r) => RandomForestClassifier.load(r as never));
  }

  get size(): number {
    return this.rounds.length;
  }

  votes(X: number[][]): Votes {
    const votes = X.map(() => new Array<number>(this.nClasses).fill(0));
    let trees = 0;
    for (const forest of this.rounds) {
      const values = forest.predictionValues(X);
      trees += values.columns;
      for (let i = 0; i < values.rows; i++) {
        for (let t = 0; t < values.columns; t++) votes[i][Math.round(values.get(i, t))]++;
      }
    }
    return { votes, trees };
  }

  /** Class index with the most votes (ties: the lowest index, so predictions are deterministic). */
  predict(X: number[][]): number[] {
    return this.votes(X).votes.map(argmax);
  }
}

export function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
