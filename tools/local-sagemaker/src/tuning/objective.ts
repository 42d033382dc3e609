import type { JobRecord } from '../state/types';
import { TERMINAL } from '../state/types';
import type { TuningObjective } from './tuning-request';
import type { Trial } from './tuning-store';

export type ObjectiveStatus = 'Succeeded' | 'Pending' | 'Failed';

/** A trial as the tuning APIs see it: the child training job plus its objective. */
export interface TrialView {
  trial: Trial;
  job: JobRecord;
  objective?: number;
  objectiveStatus: ObjectiveStatus;
}

/** The objective is the metric's final value (FinalMetricDataList); a trial that ended without it failed. */
export function viewTrial(trial: Trial, job: JobRecord, objective: TuningObjective): TrialView {
  const value = job.finalMetrics.find((m) => m.MetricName === objective.MetricName)?.Value;
  const objectiveStatus: ObjectiveStatus = !TERMINAL.includes(job.status)
    ? 'Pending'
    : job.status === 'Completed' && value !== undefined
      ? 'Succeeded'
      : 'Failed';
  return { trial, job, objective: objectiveStatus === 'Succeeded' ? value : undefined, objectiveStatus };
}

/** Best succeeded trial; on a tie the earlier one, so the answer does not change as later trials finish. */
export function bestTrial(views: TrialView[], objective: TuningObjective): TrialView | undefined {
  const sign = objective.Type === 'Maximize' ? 1 : -1;
  let best: TrialView | undefined;
  let bestValue = -Infinity;
  for (const v of views)
    if (v.objective !== undefined && (best === undefined || sign * v.objective > bestValue)) {
      best = v;
      bestValue = sign * v.objective;
    }
  return best;
}

export function statusCounters(views: TrialView[]) {
  const count = (pred: (v: TrialView) => boolean) => views.filter(pred).length;
  return {
    training: {
      Completed: count((v) => v.job.status === 'Completed'),
      InProgress: count((v) => !TERMINAL.includes(v.job.status)),
      RetryableError: 0,
      NonRetryableError: count((v) => v.job.status === 'Failed'),
      Stopped: count((v) => v.job.status === 'Stopped'),
    },
    objective: {
      Succeeded: count((v) => v.objectiveStatus === 'Succeeded'),
      Pending: count((v) => v.objectiveStatus === 'Pending'),
      Failed: count((v) => v.objectiveStatus === 'Failed'),
    },
  };
}
