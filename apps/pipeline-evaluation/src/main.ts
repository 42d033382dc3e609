import { main } from '@mlops/pipeline-core';
import { evaluation } from './evaluation';

main(evaluation);
