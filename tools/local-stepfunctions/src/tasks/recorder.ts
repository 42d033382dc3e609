import { appendFileSync } from 'node:fs';

/** What a Task state would have sent to an AWS service that has no local equivalent here. */
export interface SentRecord {
  state: string;
  resource: string;
  parameters: unknown;
}

/**
 * The sink of the service calls the local run does not make (SNS publish, the S3 failure record): kept in
 * memory and, with `file`, appended as JSON lines so a caller (the e2e) can assert what was "sent".
 */
export class Recorder {
  readonly sent: SentRecord[] = [];
  constructor(private readonly file?: string) {}

  record(entry: SentRecord): void {
    this.sent.push(entry);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }
}
