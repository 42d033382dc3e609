/** dist/main.js: the image's commands without Docker (dispatcher shared by the container apps). */
import { runContainerMain } from '@mlops/ml-kit';

runContainerMain({ distDir: __dirname, defaultProgram: 'jobs/training.js' });
