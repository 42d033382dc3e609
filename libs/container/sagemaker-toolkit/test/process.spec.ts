import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCommand, resolveEntryPoint, TailBuffer } from '../src/lib/process';
import { canRunInProcess } from '../src/lib/in-process';

let code: string;
beforeEach(() => (code = fs.mkdtempSync(path.join(os.tmpdir(), 'code-'))));
afterEach(() => fs.rmSync(code, { recursive: true, force: true }));
const touch = (name: string, text = '') => fs.writeFileSync(path.join(code, name), text);

describe('resolveEntryPoint', () => {
  it('SAGEMAKER_PROGRAM / hp first, then the image default env, then conventional files', () => {
    touch('train.py');
    touch('train.sh');
    expect(resolveEntryPoint('main.js', code, { SAGEMAKER_TOOLKIT_DEFAULT_PROGRAM: 'x.sh' }).program).toBe(
      'main.js',
    );
    expect(resolveEntryPoint(null, code, { SAGEMAKER_TOOLKIT_DEFAULT_PROGRAM: 'x.sh' }).program).toBe('x.sh');
    expect(resolveEntryPoint(null, code, {}).program).toBe('train.py');
    fs.rmSync(path.join(code, 'train.py'));
    fs.rmSync(path.join(code, 'train.sh'));
    expect(() => resolveEntryPoint(null, code, {})).toThrow(/^no entry point: set SAGEMAKER_PROGRAM/);
  });
});

describe('buildCommand', () => {
  it('node for .js/.mjs/.cjs, sh for .sh, python3 for .py (-m with setup.py), exec otherwise', () => {
    for (const f of ['a.js', 'b.mjs', 'c.cjs', 'd.sh', 'e.py', 'run']) touch(f);
    expect(buildCommand('a.js', ['--x', '1'], code, {})).toEqual({
      file: process.execPath,
      args: ['a.js', '--x', '1'],
      display: `${process.execPath} a.js --x 1`,
    });
    expect(buildCommand('b.mjs', [], code, {}).args).toEqual(['b.mjs']);
    expect(buildCommand('c.cjs', [], code, {}).file).toBe(process.execPath);
    expect(buildCommand('d.sh', ['-k', 'v'], code, {}).display).toBe('/bin/sh d.sh -k v');
    expect(buildCommand('e.py', ['--lr', '1e-05'], code, {}).display).toBe('python3 e.py --lr 1e-05');
    expect(buildCommand('e.py', [], code, { SAGEMAKER_PYTHON: '/usr/bin/python3.11' }).file).toBe(
      '/usr/bin/python3.11',
    );
    touch('setup.py');
    expect(buildCommand('e.py', ['--a', 'b'], code, {}).display).toBe('python3 -m e --a b');
    expect(buildCommand('run', ['x'], code, {}).display).toBe('./run x');
    expect(fs.statSync(path.join(code, 'run')).mode & 0o111).toBe(0o111);
  });
  it('a missing entry point names it and the code dir', () => {
    expect(() => buildCommand('nope.js', [], code, {})).toThrow(`entry point "nope.js" not found in ${code}`);
  });
  it('in-process only for JS and unless SAGEMAKER_TOOLKIT_SUBPROCESS=true', () => {
    expect(canRunInProcess('a.mjs', {})).toBe(true);
    expect(canRunInProcess('a.js', { SAGEMAKER_TOOLKIT_SUBPROCESS: 'true' })).toBe(false);
    expect(canRunInProcess('a.py', {})).toBe(false);
  });
});

describe('TailBuffer', () => {
  it('keeps the end, cut at a line start, trailing whitespace trimmed', () => {
    const t = new TailBuffer(64);
    for (let i = 0; i < 100; i++) t.push(Buffer.from(`line ${i}\n`));
    expect(t.text(20)).toBe('line 98\nline 99');
    expect(t.text(1000).endsWith('line 99')).toBe(true);
    expect(t.text(1000).length).toBeLessThanOrEqual(64 + 8);
  });
});
