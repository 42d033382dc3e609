import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDevFiles } from './images/find-dev-files';
import { findConfigSecrets, findSecrets } from './images/find-secrets';
import { externalBase, workspaceImages } from './images/workspace-images';

describe('findSecrets', () => {
  it.each([
    ['/bin/sh -c #(nop)  ENV AWS_SECRET_ACCESS_KEY=abc', 'AWS_SECRET_ACCESS_KEY is set (value hidden)'],
    ['|1 NPM_TOKEN=xyz /bin/sh -c npm ci', 'NPM_TOKEN is set (value hidden)'],
    ['ENV DB_PASSWORD="hunter2"', 'DB_PASSWORD is set (value hidden)'],
    ['ENV KEY_ID=AKIAIOSFODNN7EXAMPLE', 'an AWS access key id'],
    ['RUN echo //registry.npmjs.org/:_authToken=x > ~/.npmrc', 'an npm registry auth token (_authToken)'],
    ['ENV DATABASE_URL=postgres://app:s3cret@db:5432/x', 'a URL with a password'],
    ['COPY .npmrc /root/.npmrc', 'an .npmrc (registry credentials)'],
    ['RUN echo ghp_0123456789abcdefghijABCDEFGHIJ012345', 'a GitHub token'],
  ])('flags %j without repeating the value', (text, what) => {
    const found = findSecrets('img history', text);
    expect(found).toContainEqual({ where: 'img history', what });
    expect(JSON.stringify(found)).not.toMatch(/abc"|xyz|hunter2|s3cret/);
  });

  it('passes ordinary build steps, empty secret-named values and references', () => {
    const history = [
      '/bin/sh -c #(nop)  ENV NODE_ENV=production NODE_PATH=/opt/node_modules',
      '/bin/sh -c #(nop)  LABEL io.mlops.tree-dirty=true',
      '/bin/sh -c #(nop) COPY dir:22af2d824e3b in /app/',
      'ENV GITHUB_TOKEN=',
      'ENTRYPOINT ["/usr/bin/tini" "-g" "--" "node" "/app/main.js"]',
    ].join('\n');
    expect(findSecrets('img history', history)).toEqual([]);
  });
});

describe('findConfigSecrets', () => {
  it('flags secret-named env and labels with a value, and token-shaped values under any name', () => {
    expect(
      findConfigSecrets('img', ['PATH=/usr/bin', 'API_KEY=k', 'NOTE=AKIAIOSFODNN7EXAMPLE', 'TOKEN='], {
        'org.opencontainers.image.title': 'img',
        'io.example.secret': 'v',
      }),
    ).toEqual([
      { where: 'img Config.Env', what: 'API_KEY is set (value hidden)' },
      { where: 'img Config.Env NOTE', what: 'an AWS access key id' },
      { where: 'img Config.Labels', what: 'io.example.secret is set (value hidden)' },
    ]);
  });
});

describe('findDevFiles', () => {
  const DEV = ['jest', 'typescript', '@nx/eslint', '@types/node'];

  it('flags dev dependencies once per package, TS sources, test files, tooling config and TS source maps', () => {
    expect(
      findDevFiles(
        [
          '/app/node_modules/jest',
          '/app/node_modules/jest/package.json',
          '/opt/node_modules/@nx/eslint/index.js',
          '/opt/node_modules/x/node_modules/typescript/lib/tsc.js',
          '/app/src/main.ts',
          '/app/main.spec.js',
          '/app/util.integration.ts',
          '/app/__tests__/a.js',
          '/app/jest.config.js',
          '/app/tsconfig.json',
        ],
        DEV,
        [{ path: '/app/main.js.map', embeddedTsSources: 12 }],
      ),
    ).toEqual([
      { path: '/app/node_modules/jest', what: 'dev dependency jest' },
      { path: '/opt/node_modules/@nx/eslint/index.js', what: 'dev dependency @nx/eslint' },
      { path: '/opt/node_modules/x/node_modules/typescript/lib/tsc.js', what: 'dev dependency typescript' },
      { path: '/app/src/main.ts', what: 'TypeScript source' },
      { path: '/app/main.spec.js', what: 'test file' },
      { path: '/app/util.integration.ts', what: 'TypeScript source' },
      { path: '/app/__tests__/a.js', what: 'test file' },
      { path: '/app/jest.config.js', what: 'test/build tooling config' },
      { path: '/app/tsconfig.json', what: 'test/build tooling config' },
      { path: '/app/main.js.map', what: 'source map embedding 12 TypeScript source(s)' },
    ]);
  });

  it('passes bundles, runtime packages, type declarations and maps without TS sources', () => {
    expect(
      findDevFiles(
        [
          '/app/main.js',
          '/opt/node_modules/better-sqlite3/lib/index.js',
          '/opt/node_modules/file-uri-to-path/index.d.ts',
          '/usr/local/lib/sagemaker-toolkit/train.js',
          '/app/jest-like-name.js',
        ],
        DEV,
        [{ path: '/app/vendor.js.map', embeddedTsSources: 0 }],
      ),
    ).toEqual([]);
  });
});

describe('workspaceImages / externalBase', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ci-images-'));
    const app = (dir: string, from: string, name?: string) => {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, 'Dockerfile'), `# comment\nFROM ${from}\nCOPY dist/ /app/\n`);
      if (name) writeFileSync(join(root, dir, 'project.json'), JSON.stringify({ name }));
    };
    app('docker/base-a', 'node:24-bookworm-slim', 'runtime-a');
    app('apps/app-1', 'runtime-a:latest', 'app-1');
    app('apps/no-project', '--platform=linux/amd64 runtime-a:latest');
    mkdirSync(join(root, 'apps', 'lib-only'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds every Dockerfile, named by its project, and follows FROM to the external base', () => {
    const images = workspaceImages(root);
    expect(images.map((i) => [i.image, i.from])).toEqual([
      ['app-1:latest', 'runtime-a:latest'],
      ['no-project:latest', 'runtime-a:latest'],
      ['runtime-a:latest', 'node:24-bookworm-slim'],
    ]);
    for (const image of images) expect(externalBase(image, images)).toBe('node:24-bookworm-slim');
  });
});
