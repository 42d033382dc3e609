import type { MlopsConfig, ModelConfig } from '@mlops/config-reader';
import type { BatchName } from '@mlops/db';
import type { CliOptions } from '../cli/cli-spec';
import type { RunLayout } from '../layout/s3-layout';

/** Everything known before any service is touched: pure data, safe to build and validate from. */
export interface BatchContext {
  batch: BatchName;
  cli: CliOptions;
  env: string;
  runId: string;
  config: MlopsConfig;
  model: ModelConfig;
  layout: RunLayout;
  workspaceRoot: string;
  /** The deterministic SageMaker job name of a batch of this run and model (default: this batch). */
  jobName(batch?: BatchName): string;
}
