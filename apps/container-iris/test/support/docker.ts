/** The app's image under Docker: the shared helpers from @mlops/ml-kit. */
import { testing } from '@mlops/ml-kit';

export const { containersNamed, dockerRemove, dockerRun, dockerStop, requireImage } = testing;
