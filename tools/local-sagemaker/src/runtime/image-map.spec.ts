import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageBaseName, resolveImage } from './image-map';
import { mapArgument, mapOptMlPath } from './path-map';

describe('process runtime image convention', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lsm-apps-'));
    mkdirSync(join(root, 'apps/container-iris/dist'), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes the repository base name without registry, tag or digest', () => {
    expect(imageBaseName('container-iris')).toBe('container-iris');
    expect(imageBaseName('container-iris:1.2')).toBe('container-iris');
    expect(imageBaseName('127.0.0.1:5000/team/container-iris:dev')).toBe('container-iris');
    expect(imageBaseName('123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-iris@sha256:abc')).toBe(
      'container-iris',
    );
  });

  it('maps an image to apps/<name>/dist with node main.js [train]', () => {
    expect(resolveImage('127.0.0.1:5000/container-iris:dev', {}, root)).toEqual({
      trainCommand: ['node', 'main.js', 'train'],
      processCommand: [],
      workdir: join(root, 'apps/container-iris/dist'),
    });
  });

  it('prefers imageMap entries: exact, without tag, base name', () => {
    const m = (w: string) => ({ trainCommand: ['x'], workdir: w });
    expect(
      resolveImage('a/b:1', { 'a/b:1': m('exact'), 'a/b': m('notag'), b: m('base') }, root).workdir,
    ).toBe('exact');
    expect(resolveImage('a/b:2', { 'a/b': m('notag'), b: m('base') }, root).workdir).toBe('notag');
    expect(resolveImage('reg:5000/a/b:2', { b: m('base') }, root).workdir).toBe('base');
  });

  it('names the missing folder when an image has no built app', () => {
    expect(() => resolveImage('container-nope:1', {}, root)).toThrow(
      `process runtime: image 'container-nope:1' maps to ${join(root, 'apps/container-nope/dist')}, which does not exist`,
    );
  });

  it('maps /opt/ml paths and arguments under the job folder', () => {
    expect(mapOptMlPath('/opt/ml/processing/input/raw', '/w/algo-1')).toBe('/w/algo-1/processing/input/raw');
    expect(mapArgument('--out=/opt/ml/processing/output', '/w/algo-1', 2)).toBe(
      '--out=/w/algo-1/processing/output',
    );
    expect(mapArgument('/opt/mlx', '/w', 1)).toBe('/opt/mlx');
    expect(mapArgument('node', '/w', 0)).toBe(process.execPath);
    expect(mapArgument('/opt/program/jobs/training.js', '/w', 1, '/repo/apps/x/dist')).toBe(
      '/repo/apps/x/dist/jobs/training.js',
    );
    expect(mapArgument('/opt/program/jobs/training.js', '/w', 1)).toBe('/opt/program/jobs/training.js');
    expect(() => mapOptMlPath('/tmp/x', '/w')).toThrow('Not an /opt/ml path: /tmp/x');
  });
});
