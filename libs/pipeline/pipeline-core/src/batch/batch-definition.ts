import type { BatchName } from '@mlops/db';
import type { BatchCliSpec } from '../cli/cli-spec';
import type { BatchContext } from '../context/batch-context';
import type { RunContext } from '../context/run-context';

/**
 * One batch app = one of these. `prepare` is pure (build + validate requests from config) and runs for
 * every selected model before any service is opened; `execute` does the work for one model.
 */
export interface BatchDefinition<P = void> {
  /** A seed batch (`BatchName.Training`, …) or a generated batch's slug; the db validates it. */
  batch: BatchName;
  cli: BatchCliSpec;
  prepare?(ctx: BatchContext): P;
  /** Returns summary lines printed at the end. */
  execute(ctx: RunContext, prepared: P): Promise<string[]>;
}
