import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REGISTRY = '127.0.0.1:5000';
const cli = resolve(__dirname, '..', 'dist', 'main.js');
// One fixed repository, emptied after the run, so runs leave no repositories behind in the registry.
const project = 'mlops-push-test';
const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();

/** Registry v2 API: the digest the registry serves for a tag (undefined on 404). */
async function registryDigest(repo: string, tag: string): Promise<string | undefined> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`registry answered ${res.status} for ${repo}:${tag}`);
  return res.headers.get('docker-content-digest') ?? undefined;
}

describe('docker:push to a real v2 registry (127.0.0.1:5000)', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const built: string[] = [];
  const build = (dirty: boolean) => {
    const id = execFileSync(
      'docker',
      [
        'build',
        '-q',
        '-t',
        `${project}:latest`,
        '--label',
        `org.opencontainers.image.revision=${git('rev-parse', 'HEAD')}`,
        '--label',
        `io.mlops.tree-dirty=${dirty}`,
        '-',
      ],
      {
        input: `FROM node:24-bookworm-slim\nRUN echo ${project}-${Date.now()} > /marker\n`,
        encoding: 'utf8',
      },
    ).trim();
    built.push(id);
    return id;
  };
  const push = (...extra: string[]) =>
    spawnSync('node', [cli, 'push', project, '--registry', REGISTRY, ...extra], {
      cwd: repo,
      encoding: 'utf8',
    });

  beforeAll(async () => {
    const ping = await fetch(`http://${REGISTRY}/v2/`).catch((e: Error) => e);
    if (ping instanceof Error || !ping.ok) {
      throw new Error(`no registry answers on http://${REGISTRY}/v2/: run tools/ci/services.sh up`);
    }
    repo = mkdtempSync(join(tmpdir(), 'push-repo-'));
    git('init', '-q');
    git('config', 'user.email', 'ci@example.invalid');
    git('config', 'user.name', 'ci');
    writeFileSync(join(repo, 'README'), 'v1\n');
    git('add', '-A');
    git('commit', '-qm', 'v1');
  }, 60_000);

  afterAll(async () => {
    // Every tag this run pushed goes from the registry, and every image it built (tagged or not) from Docker.
    const tags = await fetch(`http://${REGISTRY}/v2/${project}/tags/list`).then((r) =>
      r.ok ? r.json() : {},
    );
    for (const tag of (tags as { tags?: string[] }).tags ?? []) {
      const digest = await registryDigest(project, tag);
      if (digest) await fetch(`http://${REGISTRY}/v2/${project}/manifests/${digest}`, { method: 'DELETE' });
    }
    spawnSync('sh', [
      '-c',
      `docker images --format '{{.Repository}}:{{.Tag}}' | grep '${project}' | xargs -r docker rmi -f`,
    ]);
    if (built.length > 0) spawnSync('docker', ['rmi', '-f', ...built]);
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('pushes the SHA tag and the moving tag; the image pulled back has the same digest', async () => {
    build(false);
    const r = push('--moving-tag', 'latest');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sha = git('rev-parse', 'HEAD').slice(0, 12);
    const pushed = /pushed 127\.0\.0\.1:5000\/\S+:(\S+)@(sha256:[0-9a-f]{64})/g;
    const digests = Object.fromEntries([...r.stdout.matchAll(pushed)].map((m) => [m[1], m[2]]));
    expect(Object.keys(digests).sort()).toEqual([sha, 'latest'].sort());
    expect(await registryDigest(project, sha)).toBe(digests[sha]);

    // Pull back into a clean local state and compare.
    docker('rmi', `${REGISTRY}/${project}:${sha}`, `${REGISTRY}/${project}:latest`);
    docker('pull', '-q', `${REGISTRY}/${project}:${sha}`);
    const repoDigests: string[] = JSON.parse(
      docker('image', 'inspect', '--format', '{{json .RepoDigests}}', `${REGISTRY}/${project}:${sha}`),
    );
    expect(repoDigests).toContain(`${REGISTRY}/${project}@${digests[sha]}`);
  }, 120_000);

  it('never overwrites a SHA tag with another image; the same image again is a no-op', async () => {
    const sha = git('rev-parse', 'HEAD').slice(0, 12);
    const before = await registryDigest(project, sha);
    expect(before).toMatch(/^sha256:/);
    docker('tag', `${REGISTRY}/${project}:${sha}`, `${project}:latest`); // the very image the tag holds
    const again = push();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${REGISTRY}/${project}:${sha} already holds this image`);
    expect(await registryDigest(project, sha)).toBe(before);
    build(false); // same commit, new content (the marker has the time in it)
    const r = push();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`:${sha} already holds image sha256:[0-9a-f]{64}; this build is sha256:`),
    );
    expect(await registryDigest(project, sha)).toBe(before);
  }, 120_000);

  it('refuses to push from a dirty tree, and nothing reaches the registry', async () => {
    writeFileSync(join(repo, 'README'), 'v2\n');
    git('commit', '-qam', 'v2');
    build(false);
    writeFileSync(join(repo, 'uncommitted.txt'), 'local change\n');
    const r = push();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/working tree is dirty/);
    expect(await registryDigest(project, git('rev-parse', 'HEAD').slice(0, 12))).toBeUndefined();
    rmSync(join(repo, 'uncommitted.txt'));
  }, 60_000);

  it('refuses an image that was built from a dirty tree', async () => {
    build(true);
    const r = push();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/built from a dirty tree/);
    expect(await registryDigest(project, git('rev-parse', 'HEAD').slice(0, 12))).toBeUndefined();
  }, 60_000);
});
