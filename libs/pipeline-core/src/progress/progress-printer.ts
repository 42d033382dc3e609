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

  status(job: string, status: string, secondary: string | undefined, startedAt: number): void {
    const elapsed = ((this.now() - startedAt) / 1000).toFixed(1);
    this.write(`${this.clock()} ${job}: ${status}${secondary ? ` / ${secondary}` : ''} (+${elapsed}s)`);
  }

  log(host: string, message: string): void {
    this.write(`  | [${host}] ${message}`);
  }

  private clock(): string {
    return `[${new Date(this.now()).toISOString().slice(11, 19)}]`;
  }
}
