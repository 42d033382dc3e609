import { InitialSchema1764115200000 } from './1764115200000-initial-schema';

/** Every migration, in order. Classes, not globs: globs break once the code is bundled. */
export const MIGRATIONS = [InitialSchema1764115200000];
