import type {
  ArtifactRow,
  CachedJobInfo,
  EvaluationRow,
  InferenceRunRow,
  JobRow,
  MetricPointRow,
  ModelRow,
  ModelVersionRow,
  PipelineRunRow,
  TuningTrialRow,
} from '@mlops/db';
import type { BatchResult } from '../batches/run-batch';
import type { RunComparison } from './comparison-data';

/** Everything the DB holds about one model in one run. */
export interface ModelRunData {
  model: string;
  /** Null when the model's batches never reached the DB (e.g. the first batch failed early). */
  modelRow: ModelRow | null;
  run: PipelineRunRow | null;
  jobs: JobRow[];
  artifacts: ArtifactRow[];
  evaluations: EvaluationRow[];
  /** The versions that this run's evaluations and inference runs refer to. */
  modelVersions: ModelVersionRow[];
  inferenceRuns: InferenceRunRow[];
  /** Jobs of this run that reused an earlier run's outputs (step cache). */
  cached: CachedJobInfo[];
  /** This run's model against the version approved before its gate; null without an evaluation. */
  comparison: RunComparison | null;
  /** The trials of the run's tuning job (empty without tuning). */
  trials: TuningTrialRow[];
  /** Metric series of the run's training jobs. */
  series: MetricPointRow[];
}

/** An evaluation plot fetched from S3, ready to inline. */
export interface Plot {
  model: string;
  uri: string;
  mimeType: 'image/svg+xml' | 'image/png';
  /** The file's bytes, base64. */
  base64: string;
}

export interface ReportData {
  runId: string;
  env: string;
  runtime: string;
  generatedAt: Date;
  /** Wall time of the whole main job so far. */
  wallTimeMs: number;
  /** Batch processes as the orchestrator saw them (exit code, wall time), in run order. */
  batches: BatchResult[];
  models: ModelRunData[];
  plots: Plot[];
  /** Plots that could not be fetched: shown in the report instead of failing it. */
  plotErrors: string[];
  /** The local stack's on-disk log store (`<state>/logs`); absent on AWS. */
  logsDir?: string;
}
