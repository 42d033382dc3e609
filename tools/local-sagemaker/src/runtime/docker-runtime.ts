import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { docker, dockerOk } from './docker-cli';
import { forEachLine } from './line-reader';
import { HostExit, RunHandle, Runtime, RunSpec } from './types';

export const JOB_LABEL = 'local-sagemaker.job';

/**
 * One container per host (`algo-1..N`) on a per-job bridge network where each host name resolves
 * (network alias). `/opt/ml` is the host's job folder; channels and processing paths are extra binds.
 */
export class DockerRuntime implements Runtime {
  readonly name = 'docker';

  async run(spec: RunSpec): Promise<RunHandle> {
    const suffix = randomBytes(3).toString('hex');
    const network = `lsm-${spec.jobName}-${suffix}`;
    const label = `${JOB_LABEL}=${spec.jobName}`;
    await dockerOk(['network', 'create', '--label', label, network]);
    const containers: string[] = [];
    let stopRequested = false;
    let killTimer: NodeJS.Timeout | undefined;
    try {
      for (const host of spec.hosts) {
        const name = `lsm-${spec.jobName}-${host.host}-${suffix}`;
        const args = ['create', '--name', name, '--label', label, '--hostname', host.host];
        args.push('--network', network, '--network-alias', host.host);
        args.push('-v', `${host.optMlDir}:/opt/ml`);
        for (const m of host.mounts)
          args.push('-v', `${m.hostPath}:${m.containerPath}${m.readOnly ? ':ro' : ''}`);
        // `-e KEY` takes the value from the CLI's environment: values stay out of the process list.
        for (const key of Object.keys(spec.env)) args.push('-e', key);
        if (spec.gpu) args.push('--gpus', 'all');
        if (spec.entrypoint) args.push('--entrypoint', spec.entrypoint[0]);
        args.push(spec.image);
        if (spec.entrypoint) args.push(...spec.entrypoint.slice(1), ...(spec.args ?? []));
        else if (spec.args) args.push(...spec.args);
        else if (spec.kind === 'training') args.push('train');
        await dockerOk(args, { ...process.env, ...spec.env });
        containers.push(name);
      }
    } catch (err) {
      await removeAll(containers, network);
      throw err;
    }

    const done = Promise.all(
      spec.hosts.map(async (host, i): Promise<HostExit> => {
        const name = containers[i];
        if (stopRequested) return { host: host.host, exitCode: 137 };
        const child = spawn('docker', ['start', '--attach', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        await Promise.all([
          forEachLine(child.stdout, (line) => spec.onOutput(host.host, line)),
          forEachLine(child.stderr, (line) => spec.onOutput(host.host, line)),
          new Promise((resolve) => child.on('close', resolve)),
        ]);
        const state = await dockerOk(['inspect', '--format', '{{.State.ExitCode}} {{.State.Error}}', name]);
        const [code, ...error] = state.trim().split(' ');
        return { host: host.host, exitCode: Number(code), error: error.join(' ') || undefined };
      }),
    ).finally(async () => {
      if (killTimer) clearTimeout(killTimer);
      await removeAll(containers, network);
    });

    return {
      done,
      pids: () => [],
      stop(graceMs: number) {
        stopRequested = true;
        const signal = (sig: string) =>
          Promise.all(containers.map((c) => docker(['kill', '--signal', sig, c]))).then(() => undefined);
        void signal(spec.stopSignal);
        killTimer ??= setTimeout(() => void signal('SIGKILL'), graceMs);
      },
    };
  }

  /** Files written by a root container may not be readable or deletable by us: chown them back
   *  through a throwaway container of the job's own image (always present). */
  async reclaimDir(dir: string, image: string): Promise<void> {
    const uid = process.getuid?.() ?? 0;
    if (uid !== 0) {
      const owner = `${uid}:${process.getgid?.() ?? 0}`;
      await docker(
        [
          'run',
          '--rm',
          '--network',
          'none',
          '-v',
          `${dir}:/lsm-clean`,
          '--entrypoint',
          'chown',
          image,
        ].concat(['-R', owner, '/lsm-clean']),
      );
    }
  }

  async removeLeftovers(jobName: string): Promise<void> {
    const filter = ['--filter', `label=${JOB_LABEL}=${jobName}`];
    const ids = (await docker(['ps', '-aq', ...filter])).stdout.split('\n').filter(Boolean);
    const networks = (await docker(['network', 'ls', '-q', ...filter])).stdout.split('\n').filter(Boolean);
    await removeAll(ids, ...networks);
  }
}

async function removeAll(containers: string[], ...networks: string[]): Promise<void> {
  if (containers.length > 0) await docker(['rm', '-f', '-v', ...containers]);
  for (const network of networks) await docker(['network', 'rm', network]);
}
