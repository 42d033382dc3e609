import { stopDaemon } from '../../daemon/daemon';
import { readDiscovery } from '../../state/discovery';
import { ParsedArgs } from '../args';
import { stateDirOf } from '../options';

/** Stops the stack of the state dir (it stops its jobs first). */
export async function stopCommand(args: ParsedArgs): Promise<number> {
  const stateDir = stateDirOf(args);
  const running = readDiscovery(stateDir);
  if (!running) {
    console.log(`local-sagemaker: nothing running for ${stateDir}`);
    return 0;
  }
  if (!(await stopDaemon(running))) {
    console.error(`local-sagemaker: pid ${running.pid} still running after 60 s`);
    return 1;
  }
  console.log(`local-sagemaker: stopped (pid ${running.pid})`);
  return 0;
}
