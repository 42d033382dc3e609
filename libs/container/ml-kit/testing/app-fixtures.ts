/** Paths and builders of one container app's tests. */
import * as path from 'node:path';
import { buildAppBundles, REPO_DIR } from './bundle';
import { tempDir } from './opt-ml';

export interface AppFixtures {
  APP_DIR: string;
  REPO_DIR: string;
  /** The app's raw dataset under data/. */
  RAW_CSV: string;
  tempDir(prefix?: string): string;
  /** Builds the app's bundles into a temp dir with the shared build script. */
  buildBundles(): string;
}

/** Paths and builders of one container app's tests; `raw` is relative to data/ (e.g. iris/iris.csv). */
export function appFixtures(appDir: string, model: string, raw: string): AppFixtures {
  return {
    APP_DIR: appDir,
    REPO_DIR,
    RAW_CSV: path.join(REPO_DIR, 'data', raw),
    tempDir: (prefix = `${model}-`) => tempDir(prefix),
    buildBundles: () => buildAppBundles(appDir, `${model}-dist-`),
  };
}
