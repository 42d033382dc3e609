/** CPU / GPU / Neuron counts, computed like the Python toolkit but without spawning when a tool is absent. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter } from 'node:path';
import { pyJoin } from './paths';

// child_process is required only when a probe tool exists, to keep `train` start-up lean.
function execFileSync(file: string, args: string[]): string {
  const cp = require('node:child_process') as typeof import('node:child_process');
  return cp.execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/**
 * First executable named `name` on PATH, or undefined. No exception for the usual miss (`train`
 * probes four tools on every start; a thrown ENOENT costs far more).
 * The x-bits stand in for access(2) (same answer for root, which training images run as).
 */
export function which(name: string, envPath: string | undefined = process.env.PATH): string | undefined {
  for (const dir of (envPath ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = pyJoin(dir, name); // shutil.which: os.path.join(dir, name)
    if (!existsSync(candidate)) continue; // the usual miss: no Stats object, no exception
    try {
      const st = statSync(candidate, { throwIfNoEntry: false });
      if (st?.isFile() && (st.mode & 0o111) !== 0) return candidate;
    } catch {
      // EACCES, ENOTDIR...: not here; keep looking
    }
  }
  return undefined;
}

/**
 * Logical CPUs, as `multiprocessing.cpu_count()` (online CPUs). On Linux from the sysfs list glibc
 * reads too: os.cpus() parses /proc/cpuinfo for every CPU, milliseconds of start-up on a large instance.
 */
export function numCpus(onlineList = '/sys/devices/system/cpu/online'): number {
  try {
    return countCpuList(readFileSync(onlineList, 'utf8')) || fallbackCpus();
  } catch {
    return fallbackCpus();
  }
}

/** Counts a kernel CPU list such as `0-3,6,8-9` (7). NaN when it is not one. */
export function countCpuList(list: string): number {
  let n = 0;
  for (const part of list.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return NaN;
    n += m[2] === undefined ? 1 : Number(m[2]) - Number(m[1]) + 1;
  }
  return n;
}

function fallbackCpus(): number {
  const os = require('node:os') as typeof import('node:os');
  return os.cpus().length || 1;
}

/** Lines of `nvidia-smi --list-gpus` that start with `GPU `; 0 without nvidia-smi or on error. */
export function numGpus(envPath: string | undefined = process.env.PATH): number {
  const smi = which('nvidia-smi', envPath);
  if (!smi) return 0;
  try {
    const out = execFileSync(smi, ['--list-gpus']);
    return out.split('\n').filter((line) => line.startsWith('GPU ')).length;
  } catch {
    return 0;
  }
}

/** Neuron cores: 64 on ml.trn2.48xlarge (hard-coded by the toolkit), else the sum from `neuron-ls -j`. */
export function numNeurons(instanceType: string, envPath: string | undefined = process.env.PATH): number {
  if (instanceType === 'ml.trn2.48xlarge') return 64;
  const ls = which('neuron-ls', envPath);
  if (!ls) return 0;
  try {
    const out = execFileSync(ls, ['-j']);
    const devices = JSON.parse(out) as Array<{ nc_count?: number }>;
    return devices.reduce((sum, d) => sum + (d.nc_count ?? 0), 0);
  } catch {
    return 0;
  }
}
