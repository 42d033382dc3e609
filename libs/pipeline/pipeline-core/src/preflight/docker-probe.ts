import { execFile } from 'node:child_process';

/** What the image checks and the runtime choice need to know about Docker; injectable for tests. */
export interface DockerProbe {
  /** True when a daemon answers `docker version`. */
  daemonAnswers(): Promise<boolean>;
  /** True when the image exists locally (`docker image inspect`). */
  imageExists(image: string): Promise<boolean>;
}

const PROBE_TIMEOUT_MS = 5_000;

function succeeds(args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('docker', args, { timeout: PROBE_TIMEOUT_MS }, (err) => resolve(err === null));
  });
}

export const dockerCliProbe: DockerProbe = {
  daemonAnswers: () => succeeds(['version', '--format', '{{.Server.Version}}']),
  imageExists: (image) => succeeds(['image', 'inspect', '--format', '{{.Id}}', image]),
};
