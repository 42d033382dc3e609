import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { docker, dockerOk } from './docker-cli';
import { forEachLine } from './line-reader';
import { HostExit, HostSpec, RunHandle, Runtime, RunSpec } from './types';

export const JOB_LABEL = 'local-sagemaker.job';

/**
 * One container per host (`algo-1..N`). Several hosts share a per-job bridge network on which each host
 * name resolves (network alias); a single host needs no network of its own (its hostname resolves to
 * itself), which saves two daemon round trips per job. `/opt/ml` is the host's job folder; channels and
 * processing paths are extra binds. `docker run --rm` removes each container when it exits.
 */
export class DockerRuntime implements Runtime {
  readonly name = 'docker';

  async run(spec: RunSpec): Promise<RunHandle> {
    const suffix = randomBytes(3).toString('hex');
    const label = `${JOB_LABEL}=${spec.jobName}`;
    const network = spec.hosts.length > 1 ? `lsm-${spec.jobName}-${suffix}` : undefined;
    if (network) await dockerOk(['network', 'create', '--label', label, network]);
    const names = spec.hosts.map((h) => `lsm-${spec.jobName}-${h.host}-${suffix}`);
    let stopping = false;
    let killTimer: NodeJS.Timeout | undefined;
    const running = new Set<string>();

    const done = Promise.all(
      spec.hosts.map((host, i) => runHost(spec, host, names[i], label, network, running)),
    ).then(
      async (exits) => {
        await cleanUp(exits.some((e) => e.error !== undefined));
        return exits;
      },
      async (err: unknown) => {
        await cleanUp(true);
        throw err;
      },
    );
    // --rm removes a container that ran; `rm -f` is only needed for one Docker could not start.
    const cleanUp = async (force: boolean) => {
      if (killTimer) clearTimeout(killTimer);
      if (force) await docker(['rm', '-f', '-v', ...names]);
      if (network) await docker(['network', 'rm', network]);
    };

    // A stop can come before a container exists: retry until each container got the signal once
    // (SageMaker sends it once), then SIGKILL whatever still runs after the grace period.
    // `sending` guards against a second signal while a slow `docker kill` is still in flight.
    const signalled = new Set<string>();
    const sending = new Set<string>();
    const signalPending = async () => {
      await Promise.all(
        names
          .filter((n) => running.has(n) && !signalled.has(n) && !sending.has(n))
          .map(async (n) => {
            sending.add(n);
            if ((await docker(['kill', '--signal', spec.stopSignal, n])).code === 0) signalled.add(n);
            sending.delete(n);
          }),
      );
    };
    let resend: NodeJS.Timeout | undefined;
    void done.finally(() => resend && clearInterval(resend)).catch(() => undefined);
    return {
      done,
      record: () => undefined,
      stop(graceMs: number) {
        if (stopping) return;
        stopping = true;
        void signalPending();
        resend = setInterval(() => void signalPending(), 250);
        killTimer = setTimeout(() => {
          if (resend) clearInterval(resend);
          void Promise.all(
            names.filter((n) => running.has(n)).map((n) => docker(['kill', '--signal', 'SIGKILL', n])),
          );
        }, graceMs);
      },
    };
  }

  /** Files written by a root container may not be readable or deletable by us: chown them back
   *  through a throwaway container of the job's own image (always present). */
  async reclaimDir(dir: string, image: string): Promise<void> {
    const uid = process.getuid?.() ?? 0;
    if (uid === 0) return;
    const owner = `${uid}:${process.getgid?.() ?? 0}`;
    await docker(
      ['run', '--rm', '--network', 'none', '-v', `${dir}:/lsm-clean`, '--entrypoint', 'chown', image].concat([
        '-R',
        owner,
        '/lsm-clean',
      ]),
    );
  }

  /** `docker run --rm` loses a container's exit status when nobody waits for it: a job whose emulator
   *  died cannot be completed honestly, so it is failed and its containers (found by label) removed. */
  adopt(): RunHandle | undefined {
    return undefined;
  }

  async removeLeftovers(jobName: string): Promise<void> {
    const filter = ['--filter', `label=${JOB_LABEL}=${jobName}`];
    const ids = (await docker(['ps', '-aq', ...filter])).stdout.split('\n').filter(Boolean);
    if (ids.length > 0) await docker(['rm', '-f', '-v', ...ids]);
    const networks = (await docker(['network', 'ls', '-q', ...filter])).stdout.split('\n').filter(Boolean);
    for (const network of networks) await docker(['network', 'rm', network]);
  }
}

function runArgs(spec: RunSpec, host: HostSpec, name: string, label: string, network?: string): string[] {
  const args = ['run', '--rm', '--name', name, '--label', label, '--hostname', host.host];
  if (network) args.push('--network', network, '--network-alias', host.host);
  args.push('-v', `${host.optMlDir}:/opt/ml`);
  for (const m of host.mounts) args.push('-v', `${m.hostPath}:${m.containerPath}${m.readOnly ? ':ro' : ''}`);
  // `-e KEY` takes the value from the CLI's environment: values stay out of the process list.
  for (const key of Object.keys(spec.env)) args.push('-e', key);
  if (spec.gpu) args.push('--gpus', 'all');
  if (spec.entrypoint) args.push('--entrypoint', spec.entrypoint[0]);
  args.push(spec.image);
  if (spec.entrypoint) args.push(...spec.entrypoint.slice(1), ...(spec.args ?? []));
  else if (spec.args) args.push(...spec.args);
  else if (spec.kind === 'training') args.push('train');
  return args;
}

/** `docker run` exits with the container's code, or 125/126/127 when Docker itself failed. */
async function runHost(
  spec: RunSpec,
  host: HostSpec,
  name: string,
  label: string,
  network: string | undefined,
  running: Set<string>,
): Promise<HostExit> {
  const child = spawn('docker', runArgs(spec, host, name, label, network), {
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(name);
  let dockerError: string | undefined;
  const [, , code] = await Promise.all([
    forEachLine(child.stdout, (line) => spec.onOutput(host.host, line)),
    forEachLine(child.stderr, (line) => {
      if (/^docker: /.test(line)) dockerError = line.slice('docker: '.length);
      else spec.onOutput(host.host, line);
    }),
    new Promise<number>((resolve) => {
      child.on('error', (err) => {
        dockerError = `cannot run docker: ${err.message}`;
        resolve(127);
      });
      child.on('close', (c) => resolve(c ?? 1));
    }),
  ]);
  running.delete(name);
  const failedToStart = dockerError !== undefined && code >= 125;
  return {
    host: host.host,
    exitCode: code,
    error: failedToStart ? `docker run ${spec.image}: ${dockerError}` : undefined,
  };
}
