/** Assertions every container app's suites make about the SageMaker contract, whatever the model. */
import * as fs from 'node:fs';
import { dockerRun } from './docker';
import type { JobHarness } from './job-harness';
import type { Splits } from './splits';

/** What `docker:build` puts in an app image: the bundle only, and the training entry point. */
export const IMAGE_PROGRAM_LISTING =
  '/opt/program:\njobs\nmain.js\n\n/opt/program/jobs:\nevaluation.js\ninference.js\npreprocess.js\ntraining.js\n/opt/program/jobs/training.js\n';

/** The image holds only the bundle under /opt/program and points SAGEMAKER_PROGRAM at the training job. */
export async function expectBundleOnlyImage(image: string): Promise<void> {
  const ls = await dockerRun(
    image,
    '/tmp',
    ['-c', 'ls -A /opt/program /opt/program/jobs; echo "$SAGEMAKER_PROGRAM"'],
    { entrypoint: ['sh'] },
  );
  expect(ls.stdout).toBe(IMAGE_PROGRAM_LISTING);
}

/** Preprocess on `raw` text fails: exit 1, `output/message` matching `message`, and no output written. */
export async function expectPreprocessRejects(jobs: JobHarness, raw: string, message: RegExp | string) {
  const p = await jobs.preprocess({ raw });
  expect(p.code).toBe(1);
  if (typeof message === 'string') expect(jobs.message(p.tree)).toBe(message);
  else expect(jobs.message(p.tree)).toMatch(message);
  for (const dir of Object.values(p.tree.outputs)) expect(fs.readdirSync(dir)).toEqual([]);
}

/** One test per case: `[name, raw CSV text, expected output/message]`. */
export function itRejectsCorruptRaw(jobs: JobHarness, cases: Array<[string, string, RegExp | string]>): void {
  it.each(cases)('%s → exit 1, output/message names the problem, no outputs', (_name, raw, message) =>
    expectPreprocessRejects(jobs, raw, message),
  );
}

/** Training with `hyperparameters` fails: exit 1, the failure file says `failure`, no success file, no model. */
export async function expectTrainingFailure(
  jobs: JobHarness,
  splits: Splits,
  hyperparameters: Record<string, unknown>,
  failure: string,
): Promise<void> {
  const t = jobs.trainingTree(splits, hyperparameters);
  const r = await jobs.train(t);
  expect(r.code).toBe(1);
  expect(fs.readFileSync(t.failureFile, 'utf8')).toBe(failure);
  expect(fs.existsSync(t.successFile)).toBe(false);
  expect(fs.readdirSync(t.modelDir)).toEqual([]);
}
