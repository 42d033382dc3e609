import type { DbAdapter, ModelVersionRow } from '@mlops/db';
import { collectComparison } from './comparison-data';
import type { ModelRunData } from './report-data';

/** Reads one model's rows of one run through the db-adapter's report queries. */
export async function collectModelRunData(
  db: DbAdapter,
  runId: string,
  model: string,
  /** The file name of an earlier run's report when it exists (for the comparison's link). */
  reportFileFor: (runId: string) => string | null = () => null,
): Promise<ModelRunData> {
  const modelRow = await db.getModel(model);
  const run = modelRow ? ((await db.listPipelineRuns({ runId, modelName: model }))[0] ?? null) : null;
  if (!run) {
    return {
      model,
      modelRow,
      run: null,
      jobs: [],
      artifacts: [],
      evaluations: [],
      modelVersions: [],
      inferenceRuns: [],
      cached: [],
      comparison: null,
      trials: [],
      series: [],
    };
  }
  const [jobs, artifacts, evaluations, inferenceRuns, versions] = await Promise.all([
    db.listJobs({ pipelineRunId: run.id }),
    db.listArtifacts({ pipelineRunId: run.id }),
    db.listEvaluations({ pipelineRunId: run.id }),
    db.listInferenceRuns({ pipelineRunId: run.id }),
    db.listModelVersions(model),
  ]);
  const used = new Set<number>([
    ...evaluations.map((e) => e.modelVersionId),
    ...inferenceRuns.map((r) => r.modelVersionId),
  ]);
  const trainingJobIds = new Set(jobs.filter((j) => j.batch === 'training').map((j) => j.id));
  const modelVersions: ModelVersionRow[] = versions.filter(
    (v) => used.has(v.id) || (v.trainingJobId !== null && trainingJobIds.has(v.trainingJobId)),
  );
  const cached = await db.listCachedJobs(run.id);
  const comparison = await collectComparison(db, model, evaluations, versions, reportFileFor);
  const [trials, series] = await Promise.all([
    db.listTuningTrials({ pipelineRunId: run.id }),
    db.listMetricPoints([...trainingJobIds]),
  ]);
  return {
    model,
    modelRow,
    run,
    jobs,
    artifacts,
    evaluations,
    modelVersions,
    inferenceRuns,
    cached,
    comparison,
    trials,
    series,
  };
}
