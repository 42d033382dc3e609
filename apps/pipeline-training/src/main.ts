import { main } from '@mlops/pipeline-core';
import { training } from './training';

main(training);
