import { main } from '@mlops/pipeline-core';
import { collection } from './collection';

main(collection);
