import { isAlive } from '../../state/state-lock';
import { ParsedArgs } from '../args';
import { readEndpoints } from '../endpoints-file';
import { stateDirOf } from '../options';

/** SIGTERM to the emulator of the state dir; it stops its jobs and exits. */
export async function stopCommand(args: ParsedArgs): Promise<number> {
  const stateDir = stateDirOf(args);
  const running = readEndpoints(stateDir);
  if (!running) {
    console.log(`local-sagemaker: nothing running for ${stateDir}`);
    return 0;
  }
  process.kill(running.pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isAlive(running.pid)) {
    if (Date.now() > deadline) {
      console.error(`local-sagemaker: pid ${running.pid} still running after 60 s`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(`local-sagemaker: stopped (pid ${running.pid})`);
  return 0;
}
