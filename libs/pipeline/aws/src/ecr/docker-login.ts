import { spawn } from 'node:child_process';
import { ECRClient } from '@aws-sdk/client-ecr';
import { EcrLogin, getEcrLogins } from './auth-token';

export interface DockerLoginOptions {
  /** Docker CLI executable; default `docker` from PATH. */
  dockerPath?: string;
  /** Environment for the docker process (e.g. DOCKER_CONFIG); default: inherit. */
  env?: NodeJS.ProcessEnv;
}

/**
 * `docker login --username <u> --password-stdin <registry>`: the password goes through stdin only,
 * so it never appears in argv (visible in `ps`) or in any log. Output is returned, not printed,
 * and scrubbed of the password in case a tool echoes it.
 */
export async function dockerLogin(
  login: EcrLogin,
  opts: DockerLoginOptions = {},
): Promise<{ registry: string }> {
  const docker = opts.dockerPath ?? 'docker';
  const args = ['login', '--username', login.username, '--password-stdin', login.registry];
  const scrub = (s: string) => (login.password ? s.split(login.password).join('***') : s);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(docker, args, { env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) =>
      reject(new Error(`docker login ${login.registry}: cannot run ${docker}: ${err.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`docker login ${login.registry} failed (exit ${code}): ${scrub(output).trim()}`));
    });
    // EPIPE if docker exits before reading; the close handler reports the real failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(login.password);
  });
  return { registry: login.registry };
}

/** Gets ECR tokens and logs docker in to each registry. Returns the registries logged in to. */
export async function ecrDockerLogin(
  ecr: ECRClient,
  opts: DockerLoginOptions & { registryIds?: string[] } = {},
): Promise<string[]> {
  const logins = await getEcrLogins(ecr, opts.registryIds);
  const done: string[] = [];
  for (const l of logins) done.push((await dockerLogin(l, opts)).registry);
  return done;
}
