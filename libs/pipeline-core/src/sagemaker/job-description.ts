import type { JobKind } from './job-kind';

/** What the batches need from Describe{Training,Processing}Job, as plain data. */
export interface JobDescription {
  kind: JobKind;
  name: string;
  arn?: string;
  /** InProgress | Completed | Failed | Stopping | Stopped */
  status: string;
  secondaryStatus?: string;
  failureReason?: string;
  startTime?: Date;
  endTime?: Date;
  /** Training: FinalMetricDataList as name → value. */
  metrics: Record<string, number>;
  /** Training: S3 URI of model.tar.gz. */
  modelArtifacts?: string;
}

const TERMINAL = new Set(['Completed', 'Failed', 'Stopped']);

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}
