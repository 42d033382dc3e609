import { jobArn } from '../jobs/arn';
import { childRequest, trialJob, TuningRunner } from '../jobs/tuning-job';
import { checkRequest } from '@mlops/contract';
import { ApiError, resourceInUse, validationError } from '../server/errors';
import type { HandlerMap } from '../server/http-server';
import type { JobStore } from '../state/job-store';
import { TERMINAL } from '../state/types';
import { validateCreate, validateInput } from '../validation/validate';
import { bestTrial, statusCounters, TrialView, viewTrial } from '../tuning/objective';
import { validateCreateTuningJob } from '../tuning/tuning-request';
import type { TuningRecord, TuningStore } from '../tuning/tuning-store';
import type { ApiDeps } from './deps';
import { compact } from './job-common';
import { listJobs } from './job-list';
import { paginate } from './pagination';
import { toAwsTime } from './time';

/** CreateHyperParameterTuningJob and friends; the trials are ordinary training jobs. */
export function tuningHandlers(
  deps: ApiDeps,
  store: TuningStore,
  training: JobStore,
  runner: TuningRunner,
): HandlerMap {
  const views = (job: TuningRecord): TrialView[] =>
    job.trials.map((t) =>
      viewTrial(
        t,
        trialJob(training, t.name),
        job.request.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective,
      ),
    );
  const counters = (job: TuningRecord) => {
    const c = statusCounters(views(job));
    return { TrainingJobStatusCounters: c.training, ObjectiveStatusCounters: c.objective };
  };

  return {
    'SageMaker.CreateHyperParameterTuningJob': (body) => {
      const req = validateCreateTuningJob(body);
      const arn = jobArn(
        'hyper-parameter-tuning',
        req.HyperParameterTuningJobName,
        req.TrainingJobDefinition.RoleArn,
        deps.region,
      );
      try {
        // The trials' requests are checked now, so a bad definition fails Create instead of every trial.
        validateCreate('CreateTrainingJob', childRequest(req, arn, 0, {}));
      } catch (err) {
        if (err instanceof ApiError) throw validationError(`TrainingJobDefinition: ${err.message}`);
        throw err;
      }
      const now = Date.now();
      const job: TuningRecord = {
        name: req.HyperParameterTuningJobName,
        arn,
        request: req,
        status: 'InProgress',
        creationTime: now,
        lastModifiedTime: now,
        trials: [],
        runnerId: deps.runnerId,
      };
      if (!store.insert(job))
        throw resourceInUse(
          `Hyperparameter tuning job ${req.HyperParameterTuningJobName} already exists (${store.get(job.name)?.arn ?? arn})`,
        );
      runner.start(job);
      return { HyperParameterTuningJobArn: arn };
    },

    'SageMaker.DescribeHyperParameterTuningJob': (body) => {
      const job = requireTuning(store, 'DescribeHyperParameterTuningJob', body);
      const req = job.request;
      const best = bestTrial(views(job), req.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective);
      return compact({
        HyperParameterTuningJobName: job.name,
        HyperParameterTuningJobArn: job.arn,
        HyperParameterTuningJobConfig: req.HyperParameterTuningJobConfig,
        TrainingJobDefinition: req.TrainingJobDefinition,
        HyperParameterTuningJobStatus: job.status,
        CreationTime: toAwsTime(job.creationTime),
        HyperParameterTuningEndTime: toAwsTime(job.endTime),
        LastModifiedTime: toAwsTime(job.lastModifiedTime),
        ...counters(job),
        BestTrainingJob: best
          ? trialSummary(best, req.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName)
          : undefined,
        FailureReason: job.failureReason,
      });
    },

    'SageMaker.ListHyperParameterTuningJobs': (body) => {
      // This list sorts by Name unless told otherwise (ListTrainingJobs: CreationTime).
      const { page, nextToken } = listJobs(store.list(), 'ListHyperParameterTuningJobs', {
        SortBy: 'Name',
        ...body,
      });
      return compact({
        HyperParameterTuningJobSummaries: page.map((job) =>
          compact({
            HyperParameterTuningJobName: job.name,
            HyperParameterTuningJobArn: job.arn,
            HyperParameterTuningJobStatus: job.status,
            Strategy: job.request.HyperParameterTuningJobConfig.Strategy,
            CreationTime: toAwsTime(job.creationTime),
            HyperParameterTuningEndTime: toAwsTime(job.endTime),
            LastModifiedTime: toAwsTime(job.lastModifiedTime),
            ...counters(job),
            ResourceLimits: job.request.HyperParameterTuningJobConfig.ResourceLimits,
          }),
        ),
        NextToken: nextToken,
      });
    },

    'SageMaker.StopHyperParameterTuningJob': (body) => {
      const job = requireTuning(store, 'StopHyperParameterTuningJob', body);
      if (job.status === 'Stopping') return {};
      if (TERMINAL.includes(job.status))
        throw validationError(
          `The request was rejected because the hyper-parameter tuning job is in status ${job.status}.`,
        );
      store.update(job, { status: 'Stopping' });
      return {};
    },

    'SageMaker.ListTrainingJobsForHyperParameterTuningJob': (body) => {
      const job = requireTuning(store, 'ListTrainingJobsForHyperParameterTuningJob', body);
      const metric = job.request.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName;
      const sortBy = (body.SortBy as string | undefined) ?? 'Name';
      // Sorted by FinalObjectiveMetricValue, trials without an objective are not listed (API reference).
      const selected = views(job).filter(
        (v) =>
          (body.StatusEquals === undefined || v.job.status === body.StatusEquals) &&
          (sortBy !== 'FinalObjectiveMetricValue' || v.objective !== undefined),
      );
      sortTrials(selected, sortBy, body.SortOrder !== 'Descending');
      const { page, nextToken } = paginate(selected, body.NextToken, body.MaxResults, 10, 100);
      return compact({
        TrainingJobSummaries: page.map((v) => trialSummary(v, metric)),
        NextToken: nextToken,
      });
    },
  };
}

/** As requireJob: an unknown or malformed name answers ValidationException "Requested resource not found." */
function requireTuning(
  store: TuningStore,
  operation:
    | 'DescribeHyperParameterTuningJob'
    | 'StopHyperParameterTuningJob'
    | 'ListTrainingJobsForHyperParameterTuningJob',
  body: Record<string, unknown>,
): TuningRecord {
  const name = body.HyperParameterTuningJobName;
  if (name === undefined || name === null) validateInput(operation, body);
  const malformedName = checkRequest(operation, { HyperParameterTuningJobName: name }).length > 0;
  const job = malformedName ? undefined : store.get(name as string);
  if (!job) throw validationError('Requested resource not found.');
  validateInput(operation, body);
  return job;
}

function sortTrials(views: TrialView[], sortBy: string, ascending: boolean): void {
  const key = (v: TrialView): string | number =>
    sortBy === 'Name'
      ? v.job.name
      : sortBy === 'Status'
        ? v.job.status
        : sortBy === 'CreationTime'
          ? v.job.creationTime
          : (v.objective ?? 0);
  const dir = ascending ? 1 : -1;
  views.sort((a, b) =>
    key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.job.name.localeCompare(b.job.name),
  );
}

function trialSummary(v: TrialView, metricName: string) {
  return compact({
    TrainingJobName: v.job.name,
    TrainingJobArn: v.job.arn,
    CreationTime: toAwsTime(v.job.creationTime),
    TrainingStartTime: toAwsTime(v.job.startTime),
    TrainingEndTime: toAwsTime(v.job.endTime),
    TrainingJobStatus: v.job.status,
    TunedHyperParameters: v.trial.tuned,
    FailureReason: v.job.failureReason,
    FinalHyperParameterTuningJobObjectiveMetric:
      v.objective !== undefined ? { MetricName: metricName, Value: v.objective } : undefined,
    ObjectiveStatus: v.objectiveStatus,
  });
}
