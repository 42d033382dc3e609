/**
 * The toolkit's own log lines on stderr. Until something opens `process.stderr`, they go straight
 * to fd 2: creating that stream costs 1-4 ms of start-up (more on a pipe, which is what SageMaker
 * gives a container) that a job whose code never writes to stderr would not pay under bare `node`.
 */
import { writeSync } from 'node:fs';

const PREFIX = '[sagemaker-toolkit] ';
let stream: NodeJS.WriteStream | undefined;
let writing = false;
const openListeners: Array<(s: NodeJS.WriteStream) => void> = [];

// Node defines process.stderr as a lazy getter: wrap it once to learn when the stream is created.
const original = Object.getOwnPropertyDescriptor(process, 'stderr');
if (original?.get && original.configurable) {
  Object.defineProperty(process, 'stderr', {
    configurable: true,
    enumerable: original.enumerable,
    get() {
      Object.defineProperty(process, 'stderr', original);
      stream = process.stderr;
      for (const listener of openListeners.splice(0)) listener(stream);
      return stream;
    },
  });
} else {
  stream = process.stderr;
}

/** Calls `listener` with process.stderr when it is created (at once if it exists already). */
export function onStderrOpen(listener: (s: NodeJS.WriteStream) => void): void {
  if (stream) listener(stream);
  else openListeners.push(listener);
}

/** True while `log` itself writes to process.stderr (a tee of the user's stderr skips those bytes). */
export function isToolkitWrite(): boolean {
  return writing;
}

export function log(line: string): void {
  const text = `${PREFIX}${line}\n`;
  if (!stream) {
    try {
      writeSync(2, text);
      return;
    } catch {
      // e.g. EAGAIN on a non-blocking fd: the stream below queues instead
    }
  }
  writing = true;
  try {
    process.stderr.write(text);
  } finally {
    writing = false;
  }
}
