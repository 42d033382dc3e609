import type { RunHandle } from '../runtime/types';
import type { JobControl, StopReason } from './context';

/** Stop requests can arrive before the containers exist; they are applied once a handle is attached. */
export class RunControl implements JobControl {
  stopReason?: StopReason;
  private handle?: RunHandle;

  constructor(private readonly graceMs: number) {}

  stop(reason: StopReason): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    this.handle?.stop(this.graceMs);
  }

  attach(handle: RunHandle): void {
    this.handle = handle;
    if (this.stopReason) handle.stop(this.graceMs);
  }
}
