/** The mpg app's paths for its tests (the helpers themselves are in @mlops/ml-kit/testing). */
import * as path from 'node:path';
import { appFixtures } from '@mlops/ml-kit/testing';

export const app = appFixtures(path.resolve(__dirname, '..', '..'), 'mpg', 'mpg/cars.csv');
