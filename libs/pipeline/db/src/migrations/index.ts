import { InitialSchema1764115200000 } from './1764115200000-initial-schema';
import { OpenBatchNames1764201600000 } from './1764201600000-open-batch-names';
import { StepCache1764288000000 } from './1764288000000-step-cache';
import { Experiments1764806400000 } from './1764806400000-experiments';

/** Every migration, in order. Classes, not globs: globs break once the code is bundled. */
export const MIGRATIONS = [
  InitialSchema1764115200000,
  OpenBatchNames1764201600000,
  StepCache1764288000000,
  Experiments1764806400000,
];
