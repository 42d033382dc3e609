import type { JobLogEvent, JobProgressEvent } from '@mlops/aws';

/**
 * Human-readable progress on one stream: status transitions with elapsed time, and job log lines
 * indented under them. Plain text (no ANSI), so it reads the same in CI logs and in a terminal.
 */
export class ProgressPrinter {
  constructor(
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    private readonly now: () => number = Date.now,
  ) {}

  info(message: string): void {
    this.write(`${this.clock()} ${message}`);
  }

  /** e.g. `[06:15:02] iris-training-r1: InProgress / Training - ... (12 s)` */
  progress(event: JobProgressEvent): void {
    this.write(`${this.clock()} ${event.jobName}: ${event.summary}`);
  }

  log(event: JobLogEvent): void {
    this.write(`  | [${event.host}] ${event.message.replace(/\n$/, '')}`);
  }

  private clock(): string {
    return `[${new Date(this.now()).toISOString().slice(11, 19)}]`;
  }
}
