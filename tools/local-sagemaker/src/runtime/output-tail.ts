import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/** Small reads keep each synchronous stretch (splitting, logging, metrics) to a few milliseconds. */
const CHUNK = 64 * 1024;
/** CloudWatch caps an event at 256 KiB: a longer "line" is cut into events of that size. */
const MAX_LINE = 256 * 1024;

/**
 * Reads the lines a job appends to its output file, from where the previous call stopped. Reading a
 * file (not a pipe) is what lets the job outlive the emulator: nobody has to drain it while it runs.
 */
export class OutputTail {
  private position = 0;
  private pending = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly file: string,
    private readonly onLine: (line: string) => void,
  ) {}

  /** Emits every complete line written so far; with `final`, also the last unterminated one. */
  async read(final = false): Promise<void> {
    let handle;
    try {
      handle = await open(this.file, 'r');
    } catch {
      return; // not created yet
    }
    try {
      const buffer = Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, this.position);
        if (bytesRead === 0) break;
        this.position += bytesRead;
        this.split(this.decoder.write(buffer.subarray(0, bytesRead)));
      }
    } finally {
      await handle.close();
    }
    if (final) {
      this.split(this.decoder.end());
      if (this.pending !== '') this.onLine(this.pending);
      this.pending = '';
    }
  }

  private split(text: string): void {
    const lines = (this.pending + text).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    while (this.pending.length > MAX_LINE) {
      this.onLine(this.pending.slice(0, MAX_LINE));
      this.pending = this.pending.slice(MAX_LINE);
    }
  }
}
