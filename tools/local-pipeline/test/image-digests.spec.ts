import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageDigests } from '../src/stack/image-digests';

describe('imageDigests (process runtime: the app bundle the local SageMaker runs)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lp-digests-'));
    mkdirSync(join(root, 'apps', 'container-x', 'dist', 'lib'), { recursive: true });
    writeFileSync(join(root, 'apps', 'container-x', 'dist', 'main.js'), 'console.log(1);\n');
    writeFileSync(join(root, 'apps', 'container-x', 'dist', 'lib', 'a.js'), 'exports.a = 1;\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('hashes the bundle dir of each image; a changed file changes it; a missing app is left out', async () => {
    const first = await imageDigests(
      'process',
      ['container-x:latest', 'registry:5000/container-x:1', 'nope:1'],
      root,
    );
    expect(first['container-x:latest']).toMatch(/^bundle:[0-9a-f]{64}$/);
    // Both URIs name the same app, so the same bundle (the stack's own resolution).
    expect(first['registry:5000/container-x:1']).toBe(first['container-x:latest']);
    expect(Object.keys(first)).not.toContain('nope:1');

    expect((await imageDigests('process', ['container-x:latest'], root))['container-x:latest']).toBe(
      first['container-x:latest'],
    );
    writeFileSync(join(root, 'apps', 'container-x', 'dist', 'lib', 'a.js'), 'exports.a = 2;\n');
    const changed = await imageDigests('process', ['container-x:latest'], root);
    expect(changed['container-x:latest']).not.toBe(first['container-x:latest']);
  });
});
