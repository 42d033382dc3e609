import { main } from '@mlops/pipeline-core';
import { inference } from './inference';

main(inference);
