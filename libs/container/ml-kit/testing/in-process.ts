/** Jest hooks for running a container app's jobs in process (no bundle, no image). */
import {
  loadProcessingEnv,
  loadTrainingEnv,
  type ProcessingEnv,
  type TrainingEnv,
} from '@mlops/sagemaker-toolkit';
import { copyInto, makeProcessingTree, removeDir, TrainingTree, writeInto } from './opt-ml';
import { PREPROCESS_OUTPUTS, Splits, splitsOf, TRAINING_CHANNELS, trainingTreeFrom } from './splits';

export interface InProcessJobs {
  /** Keeps a tree until the file's tests end. */
  track<T extends { base: string }>(tree: T): T;
  /** What the jobs wrote to process.stdout during this test (the `#metric` lines), one chunk per write. */
  readonly stdout: string[];
  /** Replaces this test's stdout capture, e.g. to abort a job on a given metric line. */
  onStdout(fn: (chunk: string) => void): void;
}

/**
 * Registers hooks that silence console.log, capture process.stdout per test and remove tracked trees at the
 * end. Call it once inside a describe block.
 */
export function useInProcessJobs(): InProcessJobs {
  const bases: string[] = [];
  let chunks: string[] = [];
  let listener: ((chunk: string) => void) | undefined;
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  beforeEach(() => {
    chunks = [];
    listener = undefined;
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      listener?.(String(chunk));
      return true;
    });
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => {
    jest.restoreAllMocks();
    bases.forEach(removeDir);
  });
  return {
    track: (tree) => (bases.push(tree.base), tree),
    get stdout() {
      return chunks;
    },
    onStdout: (fn) => (listener = fn),
  };
}

export interface RawInput {
  /** File name in the `raw` input, e.g. iris.csv. */
  name: string;
  /** A file to copy there, or ... */
  file?: string;
  /** ... the text to write there. */
  text?: string;
}

/** A processing tree with the `raw` input filled (`text` wins over `file`) and the preprocess outputs. */
export function preprocessTree(
  raw: RawInput,
  environment: Record<string, string> = {},
  outputs: readonly string[] = PREPROCESS_OUTPUTS,
) {
  const tree = makeProcessingTree(['raw'], [...outputs], environment);
  if (raw.text !== undefined) writeInto(tree.inputs.raw, { [raw.name]: raw.text });
  else if (raw.file !== undefined) copyInto(tree.inputs.raw, { [raw.name]: raw.file });
  else throw new Error(`preprocessTree: raw input ${raw.name} needs a file or a text`);
  return tree;
}

/** An app's preprocess job, as its module exports it. */
export type PreprocessJob = (env: ProcessingEnv, options: { processEnv: NodeJS.ProcessEnv }) => unknown;

/** Runs an app's preprocess job in process on `raw` and gives its split files (the input of training tests). */
export function preprocessInProcess(
  preprocessJob: PreprocessJob,
  raw: RawInput,
  track: InProcessJobs['track'],
): Splits {
  const tree = track(preprocessTree(raw));
  preprocessJob(loadProcessingEnv({ baseDir: tree.base }), { processEnv: {} });
  return splitsOf(tree);
}

export interface InProcessTraining extends InProcessJobs {
  /** The splits of the app's raw data (made in beforeAll by its own preprocess job). */
  readonly splits: Splits;
  /** A training tree fed with the splits, and its TrainingEnv (no process env). */
  tree(
    hyperparameters: Record<string, unknown>,
    channels?: readonly string[],
  ): { t: TrainingTree; env: TrainingEnv };
}

/** `useInProcessJobs` plus splits made once by the app's preprocess job, for its training job's tests. */
export function useInProcessTraining(preprocessJob: PreprocessJob, raw: RawInput): InProcessTraining {
  const jobs = useInProcessJobs();
  let splits: Splits | undefined;
  beforeAll(() => {
    splits = preprocessInProcess(preprocessJob, raw, jobs.track);
  });
  const ready = () => {
    if (!splits)
      throw new Error('useInProcessTraining: the splits are made in beforeAll; use them inside a test');
    return splits;
  };
  return {
    track: jobs.track,
    onStdout: jobs.onStdout,
    get stdout() {
      return jobs.stdout;
    },
    get splits() {
      return ready();
    },
    tree(hyperparameters, channels = TRAINING_CHANNELS) {
      const t = jobs.track(trainingTreeFrom(ready(), hyperparameters, channels));
      return { t, env: loadTrainingEnv({ baseDir: t.base, env: {} }) };
    },
  };
}
