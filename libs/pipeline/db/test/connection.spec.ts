import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DbConnectionError, openDatabase } from '../src';

/** A loopback port with nothing listening (bound then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('unreachable or unusable databases', () => {
  it('PostgreSQL not listening: DbConnectionError naming host:port, quickly, without the password', async () => {
    const port = await closedPort();
    const started = Date.now();
    const err = await rejection(
      openDatabase({
        type: 'postgres',
        host: '127.0.0.1',
        port,
        database: 'test',
        user: 'mlops',
        password: 'hunter2',
      }),
    );
    expect(err).toBeInstanceOf(DbConnectionError);
    expect(err.message).toContain(`PostgreSQL at 127.0.0.1:${port}`);
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).not.toContain('hunter2');
    expect((err as DbConnectionError).target).toContain(`127.0.0.1:${port}`);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('SQLite path below a regular file: DbConnectionError naming the path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-db-conn-'));
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const dbPath = path.join(blocker, 'mlops.sqlite');
    const err = await rejection(openDatabase({ type: 'sqlite', path: dbPath }));
    expect(err).toBeInstanceOf(DbConnectionError);
    expect(err.message).toContain(dbPath);
  });

  it('a file that is not a SQLite database is reported and left untouched', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-db-conn-'));
    const dbPath = path.join(dir, 'garbage.sqlite');
    const garbage = 'this is not a database '.repeat(100);
    writeFileSync(dbPath, garbage);
    const err = await rejection(openDatabase({ type: 'sqlite', path: dbPath }));
    expect(err.message).toContain(dbPath);
    expect(err.message).toMatch(/not a database/);
    expect(readFileSync(dbPath, 'utf8')).toBe(garbage);
  });
});
