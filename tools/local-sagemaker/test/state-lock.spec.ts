import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireStateLock } from '../src/state/state-lock';
import { bundle } from './support/bundle';

const CONTENDERS = 20;

/** Starts the contenders at once; once each has answered, lets the winner(s) release. */
async function race(script: string, stateDir: string): Promise<string[]> {
  const children = Array.from({ length: CONTENDERS }, () =>
    spawn(process.execPath, [script, stateDir], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const answers = await Promise.all(
    children.map(
      (child) =>
        new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('\n')) resolve(out.trim());
          });
          child.on('error', reject);
          child.on('close', () => resolve(out.trim()));
        }),
    ),
  );
  await Promise.all(
    children.map((child) => {
      child.stdin.end();
      return new Promise((r) => (child.exitCode !== null ? r(null) : child.on('close', r)));
    }),
  );
  return answers;
}

describe('state dir lock', () => {
  let tmp: string;
  let script: string;
  beforeAll(() => {
    script = bundle(join(__dirname, 'fixtures', 'lock-contender.ts'));
  });
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'lsm-lock-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('lets exactly one of 20 simultaneous starts win, on a fresh state dir', async () => {
    const results = await race(script, tmp);
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r.startsWith('refused: '))).toHaveLength(CONTENDERS - 1);
    expect(existsSync(join(tmp, 'emulator.lock'))).toBe(false); // released by the winner
  });

  it('lets exactly one of 20 simultaneous starts take over the stale lock of a dead emulator', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    writeFileSync(join(tmp, 'emulator.lock'), JSON.stringify({ pid: dead, startTime: '1', runnerId: 'x' }));
    const results = await race(script, tmp);
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
  });

  it('refuses a second holder in the same process and frees the lock on release', () => {
    const release = acquireStateLock(tmp, { runnerId: 'a' });
    expect(() => acquireStateLock(tmp, { runnerId: 'b' })).toThrow(/is in use by another local-sagemaker/);
    release();
    acquireStateLock(tmp, { runnerId: 'c' })();
  });
});
