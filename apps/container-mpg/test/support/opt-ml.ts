/** The mpg app's test fixtures on top of the shared helpers (temp /opt/ml trees, bundles) from @mlops/ml-kit. */
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
export const { APP_DIR, REPO_DIR, RAW_CSV, tempDir, buildBundles } = testing.appFixtures(
  path.resolve(__dirname, '..', '..'),
  'mpg',
  'mpg/cars.csv',
);
