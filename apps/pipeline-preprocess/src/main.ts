import { main } from '@mlops/pipeline-core';
import { preprocess } from './preprocess';

main(preprocess);
