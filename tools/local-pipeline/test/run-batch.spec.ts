import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../src/batches/run-batch';

describe('runBatch', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'lp-batch-'));
    // A stand-in batch CLI: echoes its argv and env, writes an error with a stack, exits with $EXIT.
    writeFileSync(
      join(tmp, 'main.js'),
      `process.stdout.write('args ' + process.argv.slice(2).join(' ') + '\\nno newline');
       console.error('pipeline-x: Error: boom');
       console.error('    at fn (/x.js:1:1)');
       console.error('');
       console.log('env ' + process.env.MLOPS__AWS__ENDPOINTS__S3 + ' cwd ' + process.cwd());
       process.exitCode = Number(process.env.EXIT);`,
    );
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function start(exit: number) {
    const lines: [string, string][] = [];
    const running = runBatch(
      {
        phase: 'training',
        model: 'iris',
        env: 'local',
        runId: 'r1',
        configDir: '/cfg',
        bundle: join(tmp, 'main.js'),
        cwd: tmp,
        childEnv: { ...process.env, EXIT: String(exit), MLOPS__AWS__ENDPOINTS__S3: 'http://127.0.0.1:9' },
      },
      (line, stream) => lines.push([stream, line]),
    );
    return { running, lines };
  }

  it('passes the batch flags, env and cwd, streams whole lines and reports the exit code', async () => {
    const { running, lines } = start(0);
    const result = await running.done;
    expect(result).toMatchObject({ phase: 'training', model: 'iris', exitCode: 0, signal: null });
    expect(result.durationMs).toBeGreaterThan(0);
    expect(lines.filter(([s]) => s === 'stdout').map(([, l]) => l)).toEqual([
      'args --model iris --env local --run-id r1 --config-dir /cfg',
      `no newlineenv http://127.0.0.1:9 cwd ${tmp}`,
    ]);
    expect(lines.filter(([s]) => s === 'stderr').map(([, l]) => l)).toEqual([
      'pipeline-x: Error: boom',
      '    at fn (/x.js:1:1)',
      '',
    ]);
  });

  it('keeps the error lines without stack frames for the failure summary', async () => {
    const result = await start(1).running.done;
    expect(result.exitCode).toBe(1);
    expect(result.lastErrorLines).toEqual(['pipeline-x: Error: boom']);
  });

  it('reports a kill by signal', async () => {
    const { running } = start(0);
    running.child.kill('SIGKILL');
    expect(await running.done).toMatchObject({ exitCode: null, signal: 'SIGKILL' });
  });
});
