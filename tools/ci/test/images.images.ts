import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findDevFiles } from './images/find-dev-files';
import { findConfigSecrets, findSecrets } from './images/find-secrets';
import { ImageFiles, listImageFiles } from './images/list-image-files';
import { externalBase, WorkspaceImage, workspaceImages } from './images/workspace-images';

/**
 * Every image the workspace builds: no credentials in `docker history --no-trunc` or the image config,
 * and nothing dev-only among the files it adds over its external base (node:24-bookworm-slim).
 * Run by `npx nx run workspace-ci:test:images`, which builds every image first.
 */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const IMAGES = workspaceImages(REPO_ROOT);
const DEV_DEPENDENCIES = Object.keys(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies?: object })
    .devDependencies ?? {},
);

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function requireImage(image: string, hint: string): void {
  try {
    docker(['image', 'inspect', '--format', '{{.Id}}', image]);
  } catch {
    throw new Error(`image ${image} does not exist: ${hint}`);
  }
}

const baseFiles = new Map<string, Set<string>>();
function filesOfBase(base: string): Set<string> {
  let files = baseFiles.get(base);
  if (files === undefined) {
    requireImage(base, 'the base image comes from `bash tools/ci/services.sh up`');
    files = new Set(listImageFiles(base).paths);
    baseFiles.set(base, files);
  }
  return files;
}

beforeAll(() => {
  try {
    docker(['info', '--format', '{{.ServerVersion}}']);
  } catch {
    throw new Error('no Docker engine answers: run `bash tools/ci/services.sh up`');
  }
});

it('covers every image of the workspace (apps/*/Dockerfile, docker/*/Dockerfile)', () => {
  expect(IMAGES.map((i) => i.image)).toEqual(
    expect.arrayContaining([
      'container-iris:latest',
      'container-mpg:latest',
      'pipeline-collection:latest',
      'pipeline-preprocess:latest',
      'pipeline-training:latest',
      'pipeline-evaluation:latest',
      'pipeline-inference:latest',
      'pipeline-runtime:latest',
      'sagemaker-runtime:latest',
    ]),
  );
});

// The checks below pass on the real images; this one proves they fail on an image that leaks.
describe('a deliberately leaky image (built here, removed afterwards)', () => {
  const tag = `workspace-ci-audit-fixture:${process.pid}`;
  const base = 'node:24-bookworm-slim';
  let context: string;

  beforeAll(() => {
    requireImage(base, 'the base image comes from `bash tools/ci/services.sh up`');
    context = mkdtempSync(join(tmpdir(), 'ci-audit-'));
    const put = (path: string, text: string) => {
      mkdirSync(join(context, path, '..'), { recursive: true });
      writeFileSync(join(context, path), text);
    };
    put('node_modules/jest/package.json', '{"name":"jest"}');
    put('src/main.ts', 'export {};');
    put('main.spec.js', '');
    put(
      'main.js.map',
      JSON.stringify({ version: 3, sources: ['../src/main.ts'], sourcesContent: ['export {};'] }),
    );
    put(
      'Dockerfile',
      `FROM ${base}\nARG NPM_TOKEN\nRUN true\nCOPY . /app/\n` +
        'ENV AWS_SECRET_ACCESS_KEY=not-a-real-secret\nLABEL io.example.token=not-a-real-token\n',
    );
    docker([
      'build',
      '-q',
      '--network',
      'none',
      '--build-arg',
      'NPM_TOKEN=not-a-real-token',
      '-t',
      tag,
      context,
    ]);
  });
  afterAll(() => {
    execFileSync('docker', ['rmi', '-f', tag], { stdio: 'ignore' });
    if (context) rmSync(context, { recursive: true, force: true });
  });

  it('is caught by every check', () => {
    const history = docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag]);
    expect(findSecrets('history', history)).toContainEqual({
      where: 'history',
      what: 'NPM_TOKEN is set (value hidden)',
    });
    const config = JSON.parse(docker(['image', 'inspect', '--format', '{{json .Config}}', tag])) as {
      Env: string[];
      Labels: Record<string, string>;
    };
    expect(findConfigSecrets(tag, config.Env, config.Labels).map((f) => f.what)).toEqual([
      'AWS_SECRET_ACCESS_KEY is set (value hidden)',
      'io.example.token is set (value hidden)',
    ]);
    const files = listImageFiles(tag);
    const baseSet = filesOfBase(base);
    const added = files.paths.filter((p) => !baseSet.has(p));
    expect(
      findDevFiles(added, DEV_DEPENDENCIES, files.sourceMaps).map((f) => `${f.path}: ${f.what}`),
    ).toEqual(
      expect.arrayContaining([
        '/app/node_modules/jest: dev dependency jest',
        '/app/src/main.ts: TypeScript source',
        '/app/main.spec.js: test file',
        '/app/main.js.map: source map embedding 1 TypeScript source(s)',
      ]),
    );
  });
});

describe.each(IMAGES.map((i) => [i.image, i] as [string, WorkspaceImage]))('%s', (image, info) => {
  let files: ImageFiles;

  beforeAll(() => {
    requireImage(
      image,
      `build it with \`npx nx run ${info.project}:docker:build\` ` +
        '(`npx nx run workspace-ci:test:images` builds every image first)',
    );
    files = listImageFiles(image);
  });

  it('has no credentials in docker history --no-trunc', () => {
    const history = docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', image]);
    expect(history.trim()).not.toBe('');
    expect(findSecrets(`${image} history`, history)).toEqual([]);
  });

  it('has no credentials in its config (Env, Labels, Entrypoint, Cmd)', () => {
    const config = JSON.parse(docker(['image', 'inspect', '--format', '{{json .Config}}', image])) as {
      Env?: string[] | null;
      Labels?: Record<string, string> | null;
      Entrypoint?: string[] | null;
      Cmd?: string[] | null;
    };
    expect(config.Env?.length ?? 0).toBeGreaterThan(0);
    expect(config.Labels?.['org.opencontainers.image.title']).toBe(info.project);
    expect([
      ...findConfigSecrets(image, config.Env ?? [], config.Labels ?? {}),
      ...findSecrets(`${image} Config.Entrypoint`, (config.Entrypoint ?? []).join(' ')),
      ...findSecrets(`${image} Config.Cmd`, (config.Cmd ?? []).join(' ')),
    ]).toEqual([]);
  });

  it('adds no dev dependencies, TypeScript sources, source maps with sources or test files', () => {
    const base = filesOfBase(externalBase(info, IMAGES));
    const added = files.paths.filter((p) => !base.has(p));
    // Each image adds at least its own entry point; an empty diff would mean the walk saw nothing.
    expect(added.length).toBeGreaterThan(0);
    const maps = files.sourceMaps.filter((m) => !base.has(m.path));
    expect(findDevFiles(added, DEV_DEPENDENCIES, maps)).toEqual([]);
  });
});
