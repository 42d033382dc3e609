/** The iris app's test fixtures on top of the shared helpers (temp /opt/ml trees, bundles) from @mlops/ml-kit. */
import * as path from 'node:path';
import { testing } from '@mlops/ml-kit';

export const {
  copyInto,
  makeProcessingTree,
  makeTrainingTree,
  metricValues,
  removeDir,
  runBundle,
  writeInto,
} = testing;
export type ProcessingTree = testing.ProcessingTree;
export type TrainingTree = testing.TrainingTree;
export type RunOutput = testing.RunOutput;

export const APP_DIR = path.resolve(__dirname, '..', '..');
export const REPO_DIR = testing.REPO_DIR;
export const RAW_CSV = path.join(REPO_DIR, 'data', 'iris', 'iris.csv');

export function tempDir(prefix = 'iris-'): string {
  return testing.tempDir(prefix);
}

/** Builds the bundles into a temp dir with the shared build script. */
export function buildBundles(): string {
  return testing.buildAppBundles(APP_DIR, 'iris-dist-');
}
