/** CPU / GPU / Neuron counts, computed like the Python toolkit but without spawning when a tool is absent. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// child_process is required only when a probe tool exists, to keep `train` start-up lean.
function execFileSync(file: string, args: string[]): string {
  const cp = require('node:child_process') as typeof import('node:child_process');
  return cp.execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** First executable named `name` on PATH, or undefined. A stat per PATH entry beats spawning a shell. */
export function which(name: string, envPath: string | undefined = process.env.PATH): string | undefined {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/** Logical CPUs, as `multiprocessing.cpu_count()`. */
export function numCpus(): number {
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
