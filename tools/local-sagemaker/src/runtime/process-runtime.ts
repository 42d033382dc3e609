import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { ImageMap, resolveImage } from './image-map';
import { canFollow, followJob, signalAll } from './job-processes';
import { mapArgument, mapOptMlPath } from './path-map';
import { spawnSupervised } from './supervisor';
import { HostProcess, HostSpec, RunHandle, RunRecord, Runtime, RunSpec } from './types';

export interface ProcessRuntimeOptions {
  imageMap?: ImageMap;
  /** Root under which `apps/<image name>/dist` is looked up. Default: the current directory. */
  appsRoot?: string;
}

/** Host variables a Node child needs to run at all; nothing else of the emulator's env (credentials!) leaks in. */
const PASS_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT', 'NODE_OPTIONS'];

/**
 * Runs each host as a supervised process (see supervisor.ts), with `SAGEMAKER_BASE_DIR` at the host's
 * `/opt/ml` folder. Mounts become symlinks inside that folder, so `/opt/ml/x` ↦ `$SAGEMAKER_BASE_DIR/x`
 * holds for every path.
 */
export class ProcessRuntime implements Runtime {
  readonly name = 'process';
  constructor(private readonly options: ProcessRuntimeOptions = {}) {}

  async run(spec: RunSpec): Promise<RunHandle> {
    const mapping = resolveImage(
      spec.image,
      this.options.imageMap ?? {},
      this.options.appsRoot ?? process.cwd(),
    );
    const workdir = isAbsolute(mapping.workdir) ? mapping.workdir : join(process.cwd(), mapping.workdir);
    const token = randomBytes(16).toString('hex');
    const children = new Map<string, ChildProcess>();
    const hosts: HostProcess[] = spec.hosts.map((host) => {
      linkMounts(host);
      const argv = commandFor(spec, mapping.trainCommand, mapping.processCommand).map((arg, i) =>
        mapArgument(arg, host.optMlDir, i, workdir),
      );
      const env: Record<string, string> = {};
      for (const key of PASS_THROUGH) {
        const value = process.env[key];
        if (value !== undefined) env[key] = value;
      }
      Object.assign(env, mapping.env, spec.env, {
        SAGEMAKER_BASE_DIR: host.optMlDir,
        SM_PROCESSING_BASE_DIR: join(host.optMlDir, 'processing'),
        SM_LOCAL_HOST: host.host,
      });
      // Beside the host's /opt/ml, not in it: the job does not see its own log and status files.
      const files = { outFile: `${host.optMlDir}.out`, exitFile: `${host.optMlDir}.exit` };
      const { child, startTime } = spawnSupervised(argv, { cwd: workdir, env, token, ...files });
      children.set(host.host, child);
      return { host: host.host, pid: child.pid ?? -1, startTime, ...files };
    });
    return followJob({ token, hosts }, spec.stopSignal, spec.onOutput, children);
  }

  adopt(spec: RunSpec, record: RunRecord | undefined): RunHandle | undefined {
    if (!record || !canFollow(record)) return undefined;
    return followJob(record, spec.stopSignal, spec.onOutput);
  }

  async reclaimDir(): Promise<void> {
    // Children run as us: their files are already ours.
  }

  async removeLeftovers(_jobName: string, record: RunRecord | undefined): Promise<void> {
    if (record) signalAll(record.token, 'SIGKILL');
  }
}

function commandFor(spec: RunSpec, trainCommand: string[], processCommand?: string[]): string[] {
  if (spec.entrypoint) return [...spec.entrypoint, ...(spec.args ?? [])];
  // What stands for the image's ENTRYPOINT: the train command without its CMD word `train`.
  const entry = trainCommand.filter((arg, i) => !(i === trainCommand.length - 1 && arg === 'train'));
  if (spec.kind === 'training') return spec.args ? [...entry, ...spec.args] : trainCommand;
  // Arguments replace the image's CMD and keep its ENTRYPOINT.
  if (spec.args) return [...(processCommand ?? entry), ...spec.args];
  return processCommand && processCommand.length > 0 ? processCommand : trainCommand;
}

/**
 * Mounts become symlinks, except read-only ones from outside the job's folder (`file://` inputs in the
 * user's own folders): a process cannot be kept from writing through a symlink to files its user owns, so
 * those are copied in (links followed), and the job may change its copy but never the user's files.
 */
function linkMounts(host: HostSpec): void {
  const jobDir = dirname(host.optMlDir) + sep;
  for (const mount of host.mounts) {
    const target = mapOptMlPath(mount.containerPath, host.optMlDir);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    if (mount.readOnly && !mount.hostPath.startsWith(jobDir))
      cpSync(mount.hostPath, target, { recursive: true, dereference: true });
    else symlinkSync(mount.hostPath, target, 'dir');
  }
}
