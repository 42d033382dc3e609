/**
 * Pipe-mode channel reader. In Pipe mode SageMaker feeds each channel through FIFOs
 * `/opt/ml/input/data/<channel>_<epoch>` (epochs 0, 1, 2...). A FIFO may not exist yet when the
 * job asks for it, so we poll for it; reading to EOF (or closing early) ends the epoch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ChannelError } from './errors';

export interface PipeReaderOptions {
  /** Defaults to `<SAGEMAKER_BASE_DIR or /opt/ml>/input/data`. */
  inputDataDir?: string;
  /** Poll interval while waiting for the FIFO (the AWS example uses 100 ms). */
  pollMs?: number;
  /** Give up waiting for the FIFO after this long (default: wait forever, as the platform may be slow). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function pipeFifoPath(inputDataDir: string, channel: string, epoch: number): string {
  return path.join(inputDataDir, `${channel}_${epoch}`);
}

async function waitForPath(file: string, channel: string, options: PipeReaderOptions): Promise<void> {
  const started = Date.now();
  const poll = options.pollMs ?? 100;
  while (!fs.existsSync(file)) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) {
      throw new ChannelError(channel, `Pipe-mode FIFO ${file} did not appear within ${options.timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, poll));
  }
}

/** Opens one epoch of a Pipe-mode channel as a byte stream (waits for the FIFO to appear). */
export async function openPipeChannel(
  channel: string,
  epoch: number,
  options: PipeReaderOptions = {},
): Promise<Readable> {
  const dir = options.inputDataDir ?? path.join(process.env.SAGEMAKER_BASE_DIR || '/opt/ml', 'input', 'data');
  const file = pipeFifoPath(dir, channel, epoch);
  await waitForPath(file, channel, options);
  return fs.createReadStream(file, { signal: options.signal });
}

/**
 * Iterates the epochs of a Pipe-mode channel: yields `{ epoch, stream }` for epoch 0, 1, ... up to
 * `epochs` (exclusive). Consume (or destroy) each stream before asking for the next.
 */
export async function* pipeChannelEpochs(
  channel: string,
  epochs: number,
  options: PipeReaderOptions = {},
): AsyncGenerator<{ epoch: number; stream: Readable }> {
  for (let epoch = 0; epoch < epochs; epoch++) {
    yield { epoch, stream: await openPipeChannel(channel, epoch, options) };
  }
}
