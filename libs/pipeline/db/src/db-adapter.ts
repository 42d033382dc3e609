import { DataSource, EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import { ConnectOptions, connectDataSource } from './data-source';
import { DbConfig, describeDb } from './db-config';
import {
  ArtifactKind,
  BatchName,
  batchNameProblem,
  isTerminalJobStatus,
  JOB_STATUSES,
  JobStatus,
  JobType,
  ModelApprovalStatus,
  ModelTask,
  PipelineRunStatus,
  EvaluationVerdict,
} from './enum';
import { DbConflictError, DbNotFoundError } from './errors';
import type {
  ArtifactRow,
  EntitySchemas,
  EvaluationRow,
  InferenceRunRow,
  JobRow,
  ModelRow,
  ModelVersionRow,
  PipelineRunRow,
  ThresholdRule,
} from './schema';
import { evaluateThresholds } from './thresholds';
import type { ExperimentSession } from './experiments/experiment-session';
import type { MetricPointRow, TuningTrialRow } from './experiments/experiment-schema';
import * as metricSeries from './repositories/metric-series';
import * as tuningTrials from './repositories/tuning-trials';

export interface UpsertModelInput {
  name: string;
  team: string;
  task: ModelTask;
}

export interface PipelineRunInput {
  runId: string;
  modelName: string;
  environment: string;
}

export interface UpsertJobInput {
  /** The SageMaker job name: the idempotency key. */
  sagemakerName: string;
  jobType: JobType;
  batch: BatchName;
  modelName: string;
  pipelineRunId?: number | null;
  sagemakerArn?: string | null;
  status?: JobStatus;
  secondaryStatus?: string | null;
  startedAt?: Date | null;
}

export interface JobUpdate {
  sagemakerArn?: string | null;
  status?: JobStatus;
  secondaryStatus?: string | null;
  failureReason?: string | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
  metrics?: Record<string, number> | null;
}

export interface RecordArtifactInput {
  uri: string;
  kind: ArtifactKind;
  modelName: string;
  /** SageMaker name of the job that wrote it. */
  producedByJob?: string;
  pipelineRunId?: number | null;
  metadata?: Record<string, unknown> | null;
}

export interface CreateModelVersionInput {
  modelName: string;
  artifactUri: string;
  trainingJobName?: string;
}

export interface RecordEvaluationInput {
  modelVersionId: number;
  metrics: Record<string, number>;
  thresholds: readonly ThresholdRule[];
  /** SageMaker name of the evaluation job; makes the call idempotent. */
  jobName?: string;
  pipelineRunId?: number | null;
}

export interface RecordInferenceRunInput {
  modelVersionId: number;
  inputUri: string;
  outputUri: string;
  /** SageMaker name of the inference job; makes the call idempotent (a rerun updates the row). */
  jobName?: string;
  pipelineRunId?: number | null;
  status?: JobStatus;
  recordCount?: number | null;
  endedAt?: Date | null;
}

/**
 * The queries the batches need, on SQLite or PostgreSQL. Plain rows in and out. Every write that touches
 * more than one row runs in a transaction, and "create" calls are idempotent so a rerun batch (same
 * `--run-id`) finds its rows instead of duplicating them.
 */
export class DbAdapter {
  constructor(
    readonly dataSource: DataSource,
    private readonly entities: EntitySchemas,
    /** Human-readable target, safe to log. */
    readonly target: string,
  ) {}

  /** SQLite runs on one connection, where overlapping transactions fail; calls on it are queued. */
  private queue: Promise<unknown> = Promise.resolve();

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return fn();
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction(fn);
    return this.serial(() => this.sqliteImmediateTransaction(fn));
  }

  /**
   * TypeORM begins SQLite transactions DEFERRED; a read-then-write transaction racing another process
   * then fails with "database is locked" without waiting. IMMEDIATE takes the write lock up front, so
   * the busy timeout applies and concurrent batches simply queue.
   */
  private async sqliteImmediateTransaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('BEGIN IMMEDIATE');
      try {
        const result = await fn(runner.manager);
        await runner.query('COMMIT');
        return result;
      } catch (err) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  private read<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.serial(() => fn(this.dataSource.manager));
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  // --- experiments (repositories/tuning-trials.ts, repositories/metric-series.ts)

  private get experiments(): ExperimentSession {
    return { tx: (fn) => this.tx(fn), read: (fn) => this.read(fn), entities: this.entities };
  }
  recordTuningTrial(input: tuningTrials.RecordTuningTrialInput): Promise<TuningTrialRow> {
    return tuningTrials.recordTuningTrial(this.experiments, input);
  }
  listTuningTrials(filter?: { pipelineRunId?: number; tuningJobName?: string }): Promise<TuningTrialRow[]> {
    return tuningTrials.listTuningTrials(this.experiments, filter);
  }
  replaceMetricSeries(jobName: string, points: readonly metricSeries.MetricPointInput[]): Promise<number> {
    return metricSeries.replaceMetricSeries(this.experiments, jobName, points);
  }
  listMetricPoints(jobIds: readonly number[]): Promise<MetricPointRow[]> {
    return metricSeries.listMetricPoints(this.experiments, jobIds);
  }

  // --- models -------------------------------------------------------------------------------------

  async upsertModel(input: UpsertModelInput): Promise<ModelRow> {
    assertOneOf('task', input.task, Object.values(ModelTask));
    return this.tx(async (m) => {
      const now = new Date();
      await insertIgnore(m, this.entities.Model, { ...input, createdAt: now, updatedAt: now });
      const row = await m.findOneByOrFail(this.entities.Model, { name: input.name });
      if (row.team !== input.team || row.task !== input.task) {
        await m.update(
          this.entities.Model,
          { id: row.id },
          { team: input.team, task: input.task, updatedAt: now },
        );
        return { ...row, team: input.team, task: input.task, updatedAt: now };
      }
      return row;
    });
  }

  async getModel(name: string): Promise<ModelRow | null> {
    return this.read((m) => m.findOneBy(this.entities.Model, { name }));
  }

  // --- pipeline runs ------------------------------------------------------------------------------

  /**
   * Creates the run, or returns the existing one for the same (runId, model): `created` tells which.
   * Looks first: every batch of a model opens the same run, and an insert that hits the unique key still
   * takes an id from the sequence (SQLite AUTOINCREMENT, PostgreSQL serial), so ids would have gaps.
   */
  async createPipelineRun(input: PipelineRunInput): Promise<{ run: PipelineRunRow; created: boolean }> {
    return this.tx(async (m) => {
      const model = await this.requireModel(m, input.modelName);
      const existing = await m.findOneBy(this.entities.PipelineRun, {
        runId: input.runId,
        modelId: model.id,
      });
      if (existing) return { run: existing, created: false };
      // Only two writers racing for the same new run still reach the conflict here.
      const inserted = await insertIgnore(m, this.entities.PipelineRun, {
        runId: input.runId,
        modelId: model.id,
        environment: input.environment,
        status: PipelineRunStatus.Running,
        startedAt: new Date(),
        endedAt: null,
        error: null,
      });
      const run = await m.findOneByOrFail(this.entities.PipelineRun, {
        runId: input.runId,
        modelId: model.id,
      });
      return { run, created: inserted };
    });
  }

  async getPipelineRun(runId: string, modelName: string): Promise<PipelineRunRow | null> {
    const model = await this.getModel(modelName);
    if (!model) return null;
    return this.read((m) => m.findOneBy(this.entities.PipelineRun, { runId, modelId: model.id }));
  }

  async finishPipelineRun(id: number, status: PipelineRunStatus, error?: string): Promise<PipelineRunRow> {
    assertOneOf('status', status, Object.values(PipelineRunStatus));
    return this.tx(async (m) => {
      const result = await m.update(
        this.entities.PipelineRun,
        { id },
        { status, endedAt: status === PipelineRunStatus.Running ? null : new Date(), error: error ?? null },
      );
      if (!result.affected) throw new DbNotFoundError(`Pipeline run id ${id} not found in ${this.target}`);
      return m.findOneByOrFail(this.entities.PipelineRun, { id });
    });
  }

  // --- jobs ---------------------------------------------------------------------------------------

  /**
   * Records a job by its SageMaker name. Calling it again with the same name (a resumed batch) returns
   * the same row and applies any newer fields; the name can never be reused for another model or type.
   */
  async upsertJob(input: UpsertJobInput): Promise<JobRow> {
    assertOneOf('jobType', input.jobType, Object.values(JobType));
    const badBatch = batchNameProblem(input.batch);
    if (badBatch) throw new DbConflictError(badBatch);
    if (input.status !== undefined) assertOneOf('status', input.status, JOB_STATUSES);
    return this.tx(async (m) => {
      const model = await this.requireModel(m, input.modelName);
      const now = new Date();
      await insertIgnore(m, this.entities.Job, {
        pipelineRunId: input.pipelineRunId ?? null,
        modelId: model.id,
        jobType: input.jobType,
        batch: input.batch,
        sagemakerName: input.sagemakerName,
        sagemakerArn: input.sagemakerArn ?? null,
        status: input.status ?? 'InProgress',
        secondaryStatus: input.secondaryStatus ?? null,
        failureReason: null,
        createdAt: now,
        startedAt: input.startedAt ?? null,
        endedAt: null,
        updatedAt: now,
        metrics: null,
      });
      const row = await m.findOneByOrFail(this.entities.Job, { sagemakerName: input.sagemakerName });
      if (row.modelId !== model.id || row.jobType !== input.jobType || row.batch !== input.batch) {
        throw new DbConflictError(
          `Job "${input.sagemakerName}" is already recorded as ${row.jobType}/${row.batch} for model id ${row.modelId}; ` +
            `refusing to reuse the name for ${input.jobType}/${input.batch} of model "${input.modelName}"`,
        );
      }
      return this.applyJobUpdate(m, row, {
        sagemakerArn: input.sagemakerArn,
        status: input.status,
        secondaryStatus: input.secondaryStatus,
        startedAt: input.startedAt,
      });
    });
  }

  async getJob(sagemakerName: string): Promise<JobRow | null> {
    return this.read((m) => m.findOneBy(this.entities.Job, { sagemakerName }));
  }

  /**
   * Applies status, timings, failure reason and metrics. Undefined fields are left alone. A terminal
   * status (Completed/Failed/Stopped) is never overwritten by a non-terminal one: a late poll result
   * must not resurrect a finished job.
   */
  async updateJob(sagemakerName: string, update: JobUpdate): Promise<JobRow> {
    if (update.status !== undefined) assertOneOf('status', update.status, JOB_STATUSES);
    return this.tx(async (m) => {
      const row = await m.findOneBy(this.entities.Job, { sagemakerName });
      if (!row) throw new DbNotFoundError(`Job "${sagemakerName}" not found in ${this.target}`);
      return this.applyJobUpdate(m, row, update);
    });
  }

  private async applyJobUpdate(m: EntityManager, row: JobRow, update: JobUpdate): Promise<JobRow> {
    const changes: Partial<JobRow> = {};
    const stale =
      update.status !== undefined && isTerminalJobStatus(row.status) && !isTerminalJobStatus(update.status);
    for (const key of ['sagemakerArn', 'failureReason', 'startedAt', 'endedAt', 'metrics'] as const) {
      if (update[key] !== undefined) (changes as Record<string, unknown>)[key] = update[key];
    }
    if (!stale) {
      if (update.status !== undefined) changes.status = update.status;
      if (update.secondaryStatus !== undefined) changes.secondaryStatus = update.secondaryStatus;
    }
    if (Object.keys(changes).length === 0) return row;
    changes.updatedAt = new Date();
    await m.update(this.entities.Job, { id: row.id }, changes);
    return m.findOneByOrFail(this.entities.Job, { id: row.id });
  }

  // --- artifacts ----------------------------------------------------------------------------------

  /** Idempotent by URI; the same URI recorded as a different kind is a conflict. */
  async recordArtifact(input: RecordArtifactInput): Promise<ArtifactRow> {
    assertOneOf('kind', input.kind, Object.values(ArtifactKind));
    return this.tx(async (m) => {
      const model = await this.requireModel(m, input.modelName);
      const job = input.producedByJob !== undefined ? await this.requireJob(m, input.producedByJob) : null;
      await insertIgnore(m, this.entities.Artifact, {
        uri: input.uri,
        kind: input.kind,
        modelId: model.id,
        producedByJobId: job?.id ?? null,
        pipelineRunId: input.pipelineRunId ?? null,
        metadata: input.metadata ?? null,
        createdAt: new Date(),
      });
      const row = await m.findOneByOrFail(this.entities.Artifact, { uri: input.uri });
      if (row.kind !== input.kind || row.modelId !== model.id) {
        throw new DbConflictError(
          `Artifact ${input.uri} is already recorded as "${row.kind}" for model id ${row.modelId}; ` +
            `cannot record it as "${input.kind}" for model "${input.modelName}"`,
        );
      }
      return row;
    });
  }

  // --- model versions and evaluations -------------------------------------------------------------

  /** Next version number for the model, or the existing version for the same artifact URI. */
  async createModelVersion(input: CreateModelVersionInput): Promise<ModelVersionRow> {
    // Two writers can read the same MAX(version); the unique (model, version) constraint rejects the
    // loser, which simply retries with the new maximum (or finds its artifact already recorded).
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.createModelVersionOnce(input);
      } catch (err) {
        if (attempt >= 5 || !isUniqueViolation(err)) throw err;
      }
    }
  }

  private async createModelVersionOnce(input: CreateModelVersionInput): Promise<ModelVersionRow> {
    return this.tx(async (m) => {
      const model = await this.requireModel(m, input.modelName);
      const existing = await m.findOneBy(this.entities.ModelVersion, {
        modelId: model.id,
        artifactUri: input.artifactUri,
      });
      if (existing) return existing;
      const job =
        input.trainingJobName !== undefined ? await this.requireJob(m, input.trainingJobName) : null;
      const max = await m
        .createQueryBuilder(this.entities.ModelVersion, 'v')
        .select('MAX(v.version)', 'max')
        .where('v.modelId = :modelId', { modelId: model.id })
        .getRawOne<{ max: number | string | null }>();
      const now = new Date();
      const values = {
        modelId: model.id,
        version: Number(max?.max ?? 0) + 1,
        artifactUri: input.artifactUri,
        trainingJobId: job?.id ?? null,
        approvalStatus: ModelApprovalStatus.PendingManualApproval,
        approvedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await m.insert(this.entities.ModelVersion, values);
      return m.findOneByOrFail(this.entities.ModelVersion, { modelId: model.id, version: values.version });
    });
  }

  async getModelVersion(id: number): Promise<ModelVersionRow | null> {
    return this.read((m) => m.findOneBy(this.entities.ModelVersion, { id }));
  }

  /**
   * Checks metrics against thresholds, stores the evaluation and sets the model version to Approved
   * (all checks pass) or Rejected — atomically. With `jobName`, a repeated call returns the stored result.
   */
  async recordEvaluation(
    input: RecordEvaluationInput,
  ): Promise<{ evaluation: EvaluationRow; modelVersion: ModelVersionRow }> {
    const { verdict, checks } = evaluateThresholds(input.metrics, input.thresholds);
    return this.tx(async (m) => {
      const version = await m.findOneBy(this.entities.ModelVersion, { id: input.modelVersionId });
      if (!version)
        throw new DbNotFoundError(`Model version id ${input.modelVersionId} not found in ${this.target}`);
      const job = input.jobName !== undefined ? await this.requireJob(m, input.jobName) : null;
      if (job) {
        const previous = await m.findOneBy(this.entities.Evaluation, { jobId: job.id });
        if (previous) return { evaluation: previous, modelVersion: version };
      }
      const now = new Date();
      const values = {
        modelVersionId: version.id,
        jobId: job?.id ?? null,
        pipelineRunId: input.pipelineRunId ?? null,
        metrics: input.metrics,
        thresholds: input.thresholds.map(({ metric, op, value }) => ({ metric, op, value })),
        checks,
        verdict,
        createdAt: now,
      };
      const result = await m.insert(this.entities.Evaluation, values);
      const evaluationId = Number((result.identifiers[0] as { id: number }).id);
      const approved = verdict === EvaluationVerdict.Passed;
      await m.update(
        this.entities.ModelVersion,
        { id: version.id },
        {
          approvalStatus: approved ? ModelApprovalStatus.Approved : ModelApprovalStatus.Rejected,
          approvedAt: approved ? now : null,
          updatedAt: now,
        },
      );
      return {
        evaluation: await m.findOneByOrFail(this.entities.Evaluation, { id: evaluationId }),
        modelVersion: await m.findOneByOrFail(this.entities.ModelVersion, { id: version.id }),
      };
    });
  }

  /** The highest approved version of the model, or null when none is approved (inference must refuse). */
  async latestApprovedModelVersion(modelName: string): Promise<ModelVersionRow | null> {
    const model = await this.getModel(modelName);
    if (!model) return null;
    return this.read((m) =>
      m.findOne(this.entities.ModelVersion, {
        where: { modelId: model.id, approvalStatus: ModelApprovalStatus.Approved },
        order: { version: 'DESC' },
      }),
    );
  }

  // --- inference ----------------------------------------------------------------------------------

  async recordInferenceRun(input: RecordInferenceRunInput): Promise<InferenceRunRow> {
    if (input.status !== undefined) assertOneOf('status', input.status, JOB_STATUSES);
    return this.tx(async (m) => {
      const version = await m.findOneBy(this.entities.ModelVersion, { id: input.modelVersionId });
      if (!version)
        throw new DbNotFoundError(`Model version id ${input.modelVersionId} not found in ${this.target}`);
      const job = input.jobName !== undefined ? await this.requireJob(m, input.jobName) : null;
      const existing = job ? await m.findOneBy(this.entities.InferenceRun, { jobId: job.id }) : null;
      if (existing) {
        const changes: Partial<InferenceRunRow> = {};
        if (input.status !== undefined) changes.status = input.status;
        if (input.recordCount !== undefined) changes.recordCount = input.recordCount;
        if (input.endedAt !== undefined) changes.endedAt = input.endedAt;
        if (Object.keys(changes).length > 0)
          await m.update(this.entities.InferenceRun, { id: existing.id }, changes);
        return m.findOneByOrFail(this.entities.InferenceRun, { id: existing.id });
      }
      const result = await m.insert(this.entities.InferenceRun, {
        modelVersionId: version.id,
        jobId: job?.id ?? null,
        pipelineRunId: input.pipelineRunId ?? null,
        inputUri: input.inputUri,
        outputUri: input.outputUri,
        status: input.status ?? 'InProgress',
        recordCount: input.recordCount ?? null,
        createdAt: new Date(),
        endedAt: input.endedAt ?? null,
      });
      return m.findOneByOrFail(this.entities.InferenceRun, {
        id: Number((result.identifiers[0] as { id: number }).id),
      });
    });
  }

  // --- report queries -----------------------------------------------------------------------------

  /** Newest first. */
  async listPipelineRuns(
    filter: { modelName?: string; runId?: string; limit?: number } = {},
  ): Promise<PipelineRunRow[]> {
    const where: { runId?: string; modelId?: number } = {};
    if (filter.runId !== undefined) where.runId = filter.runId;
    if (filter.modelName !== undefined) {
      const model = await this.getModel(filter.modelName);
      if (!model) return [];
      where.modelId = model.id;
    }
    return this.read((m) =>
      m.find(this.entities.PipelineRun, {
        where,
        order: { startedAt: 'DESC', id: 'DESC' },
        take: filter.limit,
      }),
    );
  }

  /** In creation order, i.e. pipeline order. */
  async listJobs(
    filter: { pipelineRunId?: number; modelName?: string; batch?: BatchName } = {},
  ): Promise<JobRow[]> {
    const where: { pipelineRunId?: number; modelId?: number; batch?: BatchName } = {};
    if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
    if (filter.batch !== undefined) where.batch = filter.batch;
    if (filter.modelName !== undefined) {
      const model = await this.getModel(filter.modelName);
      if (!model) return [];
      where.modelId = model.id;
    }
    return this.read((m) => m.find(this.entities.Job, { where, order: { createdAt: 'ASC', id: 'ASC' } }));
  }

  async listArtifacts(filter: { pipelineRunId?: number; modelName?: string } = {}): Promise<ArtifactRow[]> {
    const where: { pipelineRunId?: number; modelId?: number } = {};
    if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
    if (filter.modelName !== undefined) {
      const model = await this.getModel(filter.modelName);
      if (!model) return [];
      where.modelId = model.id;
    }
    return this.read((m) => m.find(this.entities.Artifact, { where, order: { id: 'ASC' } }));
  }

  async listEvaluations(
    filter: { pipelineRunId?: number; modelVersionId?: number } = {},
  ): Promise<EvaluationRow[]> {
    const where: { pipelineRunId?: number; modelVersionId?: number } = {};
    if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
    if (filter.modelVersionId !== undefined) where.modelVersionId = filter.modelVersionId;
    return this.read((m) => m.find(this.entities.Evaluation, { where, order: { id: 'ASC' } }));
  }

  async listModelVersions(modelName: string): Promise<ModelVersionRow[]> {
    const model = await this.getModel(modelName);
    if (!model) return [];
    return this.read((m) =>
      m.find(this.entities.ModelVersion, {
        where: { modelId: model.id },
        order: { version: 'ASC' },
      }),
    );
  }

  async listInferenceRuns(filter: { pipelineRunId?: number } = {}): Promise<InferenceRunRow[]> {
    const where: { pipelineRunId?: number } = {};
    if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
    return this.read((m) => m.find(this.entities.InferenceRun, { where, order: { id: 'ASC' } }));
  }

  // --- helpers ------------------------------------------------------------------------------------

  private async requireModel(m: EntityManager, name: string): Promise<ModelRow> {
    const model = await m.findOneBy(this.entities.Model, { name });
    if (!model)
      throw new DbNotFoundError(`Model "${name}" not found in ${this.target}; call upsertModel first`);
    return model;
  }

  private async requireJob(m: EntityManager, sagemakerName: string): Promise<JobRow> {
    const job = await m.findOneBy(this.entities.Job, { sagemakerName });
    if (!job) throw new DbNotFoundError(`Job "${sagemakerName}" not found in ${this.target}`);
    return job;
  }
}

/** Connects (SQLite or PostgreSQL), applies migrations and returns the adapter. */
export async function openDatabase(config: DbConfig, options: ConnectOptions = {}): Promise<DbAdapter> {
  const { dataSource, entities } = await connectDataSource(config, options);
  return new DbAdapter(dataSource, entities, describeDb(config));
}

/** INSERT that does nothing on a unique conflict (ON CONFLICT DO NOTHING / INSERT OR IGNORE); true if inserted. */
async function insertIgnore<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntitySchema<T>,
  values: Partial<T>,
): Promise<boolean> {
  const result = await m.createQueryBuilder().insert().into(entity).values(values).orIgnore().execute();
  const raw = result.raw as unknown;
  // PostgreSQL returns the RETURNING rows (none when the conflict skipped the insert). better-sqlite3 only
  // reports lastInsertRowid, which is stale after an ignored insert, so ask SQLite (same connection).
  if (Array.isArray(raw)) return raw.length > 0;
  const [row] = (await m.query('SELECT changes() AS n')) as Array<{ n: number }>;
  return Number(row.n) > 0;
}

function isUniqueViolation(err: unknown): boolean {
  const driverError = (err as { driverError?: { code?: string } }).driverError;
  const code = driverError?.code ?? (err as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function assertOneOf(field: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new DbConflictError(
      `Invalid ${field} ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`,
    );
  }
}
