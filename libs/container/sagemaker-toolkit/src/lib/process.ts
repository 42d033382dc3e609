/**
 * Finding and running the user entry point: the Python toolkit's rules (`.sh` and other files as
 * commands, `.py` with Python, `python -m` when setup.py exists), extended with `.js/.mjs/.cjs` -> node.
 */
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { EntryPointError } from './errors';

/** Entry point the image falls back to when neither SAGEMAKER_PROGRAM nor `sagemaker_program` is set. */
export const DEFAULT_PROGRAM_ENV = 'SAGEMAKER_TOOLKIT_DEFAULT_PROGRAM';
/** Conventional default entry points, tried in this order in the code dir. */
export const DEFAULT_PROGRAMS = ['train.js', 'train.mjs', 'train.cjs', 'train.py', 'train.sh', 'train'];

export interface EntryPoint {
  program: string;
  source: 'SAGEMAKER_PROGRAM / sagemaker_program' | typeof DEFAULT_PROGRAM_ENV | 'default file';
}

export function resolveEntryPoint(
  userEntryPoint: string | null,
  codeDir: string,
  env: NodeJS.ProcessEnv,
): EntryPoint {
  if (userEntryPoint) return { program: userEntryPoint, source: 'SAGEMAKER_PROGRAM / sagemaker_program' };
  const fromImage = env[DEFAULT_PROGRAM_ENV];
  if (fromImage) return { program: fromImage, source: DEFAULT_PROGRAM_ENV };
  const found = DEFAULT_PROGRAMS.find((p) => existsSync(join(codeDir, p)));
  if (found) return { program: found, source: 'default file' };
  throw new EntryPointError(
    `no entry point: set SAGEMAKER_PROGRAM, the sagemaker_program hyperparameter or ${DEFAULT_PROGRAM_ENV}, ` +
      `or put one of ${DEFAULT_PROGRAMS.join(', ')} in ${codeDir}`,
  );
}

export interface Command {
  file: string;
  args: string[];
  /** `' '.join(cmd)`, the form the failure file shows. */
  display: string;
}

/** Builds the command for an entry point; `codeDir` is the working directory. */
export function buildCommand(
  program: string,
  userArgs: string[],
  codeDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Command {
  const full = resolvePath(codeDir, program);
  if (!existsSync(full)) {
    throw new EntryPointError(`entry point "${program}" not found in ${codeDir}`);
  }
  const ext = extname(program).toLowerCase();
  let cmd: string[];
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') {
    cmd = [process.execPath, program, ...userArgs];
  } else if (ext === '.sh') {
    cmd = ['/bin/sh', program, ...userArgs];
  } else if (ext === '.py') {
    const python = env.SAGEMAKER_PYTHON || 'python3';
    // setup.py marks a Python package: the toolkit runs it as a module.
    cmd = existsSync(join(codeDir, 'setup.py'))
      ? [python, '-m', program.slice(0, -3), ...userArgs]
      : [python, program, ...userArgs];
  } else {
    ensureExecutable(full);
    cmd = [isAbsolute(program) ? program : `./${program}`, ...userArgs];
  }
  return { file: cmd[0], args: cmd.slice(1), display: cmd.join(' ') };
}

/** The toolkit chmods command entry points to 0777; we only add the execute bits, when missing. */
function ensureExecutable(file: string): void {
  try {
    const mode = statSync(file).mode;
    if ((mode & 0o111) !== 0o111) chmodSync(file, mode | 0o111);
  } catch {
    // read-only code dir: let spawn report the real problem
  }
}

/** Keeps the last `limit` bytes of a stream, for the failure file's ErrorMessage. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit = 8192) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0].length >= this.limit)
      this.size -= (this.chunks.shift() as Buffer).length;
  }

  /** Last `maxChars` characters of the lines `keep` accepts, from a line start when possible, trimmed. */
  text(maxChars: number, keep?: (line: string) => boolean): string {
    let all = Buffer.concat(this.chunks).toString('utf8');
    if (keep) all = all.split('\n').filter(keep).join('\n');
    all = all.replace(/\s+$/, '');
    if (all.length <= maxChars) return all;
    const cut = all.slice(all.length - maxChars);
    const nl = cut.indexOf('\n');
    return nl >= 0 && nl < cut.length - 1 ? cut.slice(nl + 1) : cut;
  }
}

export interface ProcessResult {
  /** Exit status, or the negative signal number when killed (Python's Popen.returncode). */
  exitCode: number;
  signal: NodeJS.Signals | null;
  stderr: TailBuffer;
}

export interface RunProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Called with the child once spawned (signal forwarding). */
  onSpawn?: (child: ChildProcess) => void;
}

export function signalNumber(signal: NodeJS.Signals): number {
  // node:os loads lazily: only a job that ends by a signal needs it.
  const { constants } = require('node:os') as typeof import('node:os');
  return constants.signals[signal] ?? 0;
}

/** Runs the command: stdout inherited, stderr teed to ours and kept (tail) for the failure file. */
export function runProcess(cmd: Command, options: RunProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const stderr = new TailBuffer();
    // Required lazily: loading child_process costs ~1-2 ms of start-up that in-process JS runs never need.
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    const child = spawn(cmd.file, cmd.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['inherit', 'inherit', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr.push(chunk);
    });
    child.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        new EntryPointError(
          e.code === 'ENOENT'
            ? `cannot run "${cmd.display}": ${cmd.file} not found`
            : `cannot run "${cmd.display}": ${e.code ?? e.message}`,
        ),
      );
    });
    child.once('spawn', () => options.onSpawn?.(child));
    child.once('close', (code, signal) => {
      resolve({ exitCode: signal ? -signalNumber(signal) : (code ?? 1), signal, stderr });
    });
  });
}
