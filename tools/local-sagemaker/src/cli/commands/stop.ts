import { isSameProcess, signalProcess } from '../../proc/identity';
import { readDiscovery } from '../../state/discovery';
import { ParsedArgs } from '../args';
import { stateDirOf } from '../options';

/** SIGTERM to the stack of the state dir (proven by pid + start time); it stops its jobs and exits. */
export async function stopCommand(args: ParsedArgs): Promise<number> {
  const stateDir = stateDirOf(args);
  const running = readDiscovery(stateDir);
  if (!running) {
    console.log(`local-sagemaker: nothing running for ${stateDir}`);
    return 0;
  }
  const id = { pid: running.pid, startTime: running.startTime };
  signalProcess(id, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isSameProcess(id)) {
    if (Date.now() > deadline) {
      console.error(`local-sagemaker: pid ${running.pid} still running after 60 s`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(`local-sagemaker: stopped (pid ${running.pid})`);
  return 0;
}
