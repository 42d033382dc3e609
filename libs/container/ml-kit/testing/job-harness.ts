/**
 * The container app's jobs chained as the pipeline chains them (preprocess → training → evaluation →
 * inference), each on its own temp /opt/ml tree, through a JobRunner: the built bundles or the image.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppFixtures } from './app-fixtures';
import { containersNamed, dockerRemove, requireImage } from './docker';
import { bundleRunner, imageRunner, JobRun, JobRunner, JobRunOptions } from './job-runner';
import { preprocessTree } from './in-process';
import { copyInto, makeProcessingTree, ProcessingTree, removeDir, TrainingTree, writeInto } from './opt-ml';
import { Splits, splitsOf, TRAINING_CHANNELS, trainingTreeFrom } from './splits';

export interface JobHarness {
  readonly runner: JobRunner;
  /** Keeps a tree until the file's tests end. */
  track<T extends { base: string }>(tree: T): T;
  /** Preprocess of the app's raw data file, or of `raw` text written under the same name. */
  preprocess(options?: { raw?: string; environment?: Record<string, string> }): Promise<PreprocessRun>;
  /** Preprocess of the app's raw data that must succeed (else it throws with the job's stderr): its splits. */
  splits(options?: { environment?: Record<string, string> }): Promise<Splits>;
  /** A training tree with the splits in channels (train, validation, stats by default). */
  trainingTree(
    splits: Splits,
    hyperparameters: Record<string, unknown>,
    channels?: readonly string[],
  ): TrainingTree;
  train(tree: TrainingTree, options?: JobRunOptions): Promise<JobRun>;
  /** Training in a fresh tree that starts with `checkpoint` in its checkpoint dir (same file name). */
  resume(checkpoint: string, splits: Splits, hyperparameters: Record<string, unknown>): Promise<TrainingRun>;
  /** Evaluation of `modelDir`'s model.json, packed as SageMaker packs it (GNU tar, gzip) when `archive`. */
  evaluate(modelDir: string, testFile: string, options?: { archive?: boolean }): Promise<EvaluationRun>;
  /** Inference of `modelFile` on data files copied (`copy`) or written (`write`) into the `data` input. */
  infer(
    modelFile: string,
    data: { copy?: Record<string, string>; write?: Record<string, string> },
  ): Promise<InferenceRun>;
  /** `output/message` of a failed processing job (its failure reason). */
  message(tree: { base: string }): string;
}

export interface PreprocessRun extends JobRun {
  tree: ProcessingTree;
  splits: Splits;
}
export interface TrainingRun extends JobRun {
  tree: TrainingTree;
}
export interface EvaluationRun extends JobRun {
  tree: ProcessingTree;
  /** evaluation.json, parsed (undefined when the job wrote none). */
  report: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each model's report has its own shape
  svg: string | undefined;
}
export interface InferenceRun extends JobRun {
  tree: ProcessingTree;
  /** predictions.csv lines, header first (empty when the job wrote none). */
  lines: string[];
}

const readIf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

/** The harness on a runner; `cleanup` removes every tracked tree. */
export function jobHarness(app: AppFixtures, runner: JobRunner): JobHarness & { cleanup(): void } {
  const bases: string[] = [];
  const track = <T extends { base: string }>(t: T): T => (bases.push(t.base), t);
  const rawName = path.basename(app.RAW_CSV);
  const h: JobHarness & { cleanup(): void } = {
    runner,
    track,
    async preprocess(options = {}) {
      const raw = options.raw === undefined ? { file: app.RAW_CSV } : { text: options.raw };
      const tree = track(preprocessTree({ name: rawName, ...raw }, options.environment));
      const run = await runner.run(tree.base, 'preprocess');
      return { ...run, tree, splits: splitsOf(tree) };
    },
    async splits(options = {}) {
      const p = await h.preprocess(options);
      if (p.code !== 0) throw new Error(`preprocess exited ${p.code}: ${p.stderr}`);
      return p.splits;
    },
    trainingTree: (splits, hyperparameters, channels = TRAINING_CHANNELS) =>
      track(trainingTreeFrom(splits, hyperparameters, channels)),
    train: (tree, options) => runner.run(tree.base, 'train', options),
    async resume(checkpoint, splits, hyperparameters) {
      const tree = h.trainingTree(splits, hyperparameters);
      copyInto(tree.checkpointDir, { [path.basename(checkpoint)]: checkpoint });
      return { ...(await h.train(tree)), tree };
    },
    async evaluate(modelDir, testFile, options = {}) {
      const tree = track(makeProcessingTree(['model', 'test'], ['evaluation']));
      if (options.archive) {
        const model = path.join(tree.inputs.model, 'model.tar.gz');
        const tar = spawnSync('tar', ['-czf', model, '-C', modelDir, 'model.json'], { encoding: 'utf8' });
        if (tar.status !== 0) throw new Error(`tar -czf ${model} failed: ${tar.stderr}`);
      } else {
        copyInto(tree.inputs.model, { 'model.json': path.join(modelDir, 'model.json') });
      }
      copyInto(tree.inputs.test, { [path.basename(testFile)]: testFile });
      const run = await runner.run(tree.base, 'evaluation');
      const json = readIf(path.join(tree.outputs.evaluation, 'evaluation.json'));
      return {
        ...run,
        tree,
        report: json === undefined ? undefined : JSON.parse(json),
        svg: readIf(path.join(tree.outputs.evaluation, 'evaluation.svg')),
      };
    },
    async infer(modelFile, data) {
      const tree = track(makeProcessingTree(['model', 'data'], ['predictions']));
      copyInto(tree.inputs.model, { 'model.json': modelFile });
      copyInto(tree.inputs.data, data.copy ?? {});
      writeInto(tree.inputs.data, data.write ?? {});
      const run = await runner.run(tree.base, 'inference');
      const csv = readIf(path.join(tree.outputs.predictions, 'predictions.csv'));
      return { ...run, tree, lines: csv === undefined ? [] : csv.trim().split('\n') };
    },
    message: (tree) => fs.readFileSync(path.join(tree.base, 'output', 'message'), 'utf8'),
    cleanup: () => bases.splice(0).forEach(removeDir),
  };
  return h;
}

/** Builds the app's bundles once for the file (beforeAll) and runs jobs as `node main.js <job>`. */
export function useBundleJobs(app: AppFixtures): JobHarness & { readonly dist: string } {
  let dist: string | undefined;
  const distDir = () => {
    if (!dist) throw new Error('useBundleJobs: the bundles are built in beforeAll; use them inside a test');
    return dist;
  };
  const h = jobHarness(app, bundleRunner(distDir));
  beforeAll(() => {
    dist = app.buildBundles();
  });
  afterAll(() => {
    h.cleanup();
    removeDir(dist);
  });
  return {
    ...h,
    // A getter, not a value: the bundles exist only once beforeAll has run.
    get dist() {
      return distDir();
    },
  };
}

/** Runs jobs in `image` as SageMaker does; fails loudly without Docker or the image; removes its containers. */
export function useImageJobs(app: AppFixtures, image: string): JobHarness & { readonly prefix: string } {
  const prefix = `${path.basename(app.APP_DIR)}-it-${process.pid}`;
  const h = jobHarness(app, imageRunner(image, prefix));
  beforeAll(() => requireImage(image));
  afterAll(() => {
    containersNamed(prefix).forEach(dockerRemove);
    h.cleanup();
  });
  return Object.assign(h, { prefix });
}
