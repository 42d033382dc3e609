import { spawn, ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { forEachLine } from './line-reader';
import { ImageMap, resolveImage } from './image-map';
import { mapArgument, mapOptMlPath } from './path-map';
import { HostExit, HostSpec, RunHandle, Runtime, RunSpec } from './types';

export interface ProcessRuntimeOptions {
  imageMap?: ImageMap;
  /** Root under which `apps/<image name>/dist` is looked up. Default: the current directory. */
  appsRoot?: string;
}

/** Host variables a Node child needs to run at all; nothing else of the emulator's env (credentials!) leaks in. */
const PASS_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT', 'NODE_OPTIONS'];

/**
 * Runs each host as a child process, with `SAGEMAKER_BASE_DIR` at the host's `/opt/ml` folder.
 * Mounts become symlinks inside that folder, so `/opt/ml/x` ↦ `$SAGEMAKER_BASE_DIR/x` holds for every path.
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
    const children: ChildProcess[] = [];
    let killTimer: NodeJS.Timeout | undefined;
    const done = Promise.all(
      spec.hosts.map((host) => {
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
        const child = spawn(argv[0], argv.slice(1), {
          cwd: workdir,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true, // own process group, so a stop reaches grandchildren too
        });
        children.push(child);
        return runChild(child, host.host, spec.onOutput);
      }),
    ).finally(() => killTimer && clearTimeout(killTimer));
    return {
      done,
      pids: () => children.flatMap((c) => (c.pid ? [c.pid] : [])),
      stop(graceMs: number) {
        for (const child of children) signalGroup(child, spec.stopSignal);
        killTimer ??= setTimeout(() => children.forEach((c) => signalGroup(c, 'SIGKILL')), graceMs);
      },
    };
  }

  async reclaimDir(): Promise<void> {
    // Children run as us: their files are already ours.
  }

  async removeLeftovers(): Promise<void> {
    // Child pids are recorded in the job record and killed by the recovery step.
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

function linkMounts(host: HostSpec): void {
  for (const mount of host.mounts) {
    const target = mapOptMlPath(mount.containerPath, host.optMlDir);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    symlinkSync(mount.hostPath, target, 'dir');
  }
}

function runChild(
  child: ChildProcess,
  host: string,
  onOutput: (host: string, line: string) => void,
): Promise<HostExit> {
  return new Promise((resolve) => {
    let spawnError: string | undefined;
    const streams = Promise.all([
      forEachLine(child.stdout, (line) => onOutput(host, line)),
      forEachLine(child.stderr, (line) => onOutput(host, line)),
    ]);
    child.on('error', (err) => (spawnError = `cannot start ${child.spawnfile}: ${err.message}`));
    child.on('close', (code, signal) => {
      void streams.then(() =>
        resolve({ host, exitCode: code ?? (signal ? 128 + signalNumber(signal) : null), error: spawnError }),
      );
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}
