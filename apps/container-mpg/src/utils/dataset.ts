/** The mpg dataset reader: numeric features and a numeric target (the generic reader lives in @mlops/ml-kit). */
import * as kit from '@mlops/ml-kit';

export { parseNumber } from '@mlops/ml-kit';
export type { ReadOptions } from '@mlops/ml-kit';
export type Dataset = kit.Dataset<number>;

export const { toDataset, readDataset } = kit.datasetReader({ target: kit.parseNumber });
