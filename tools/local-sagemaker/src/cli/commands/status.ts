import { ParsedArgs } from '../args';
import { readDiscovery } from '../../state/discovery';
import { stateDirOf } from '../options';
import { printEndpoints } from './start';

export async function statusCommand(args: ParsedArgs): Promise<number> {
  const stateDir = stateDirOf(args);
  const running = readDiscovery(stateDir);
  if (!running) {
    console.log(`local-sagemaker: not running (state dir ${stateDir})`);
    return 1;
  }
  printEndpoints(running, stateDir, 'running');
  return 0;
}
