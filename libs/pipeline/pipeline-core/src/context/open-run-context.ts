import type { DbAdapter, PipelineRunRow } from '@mlops/db';
import type { ProgressPrinter } from '../progress/progress-printer';
import { runJobCached } from '../cache/cached-run-job';
import type { StepCacheOptions } from '../cache/cached-run-job';
import { runJob } from '../resume/run-job';
import { runTuning } from '../resume/run-tuning';
import type { BatchContext } from './batch-context';
import type { AwsClients } from './clients';
import type { RunContext } from './run-context';

export interface RunServices {
  clients: AwsClients;
  db: DbAdapter;
  printer: ProgressPrinter;
  signal: AbortSignal;
  pollMs?: number;
  /** Content-keyed step caching; without it every job launches (or resumes). */
  cache?: Omit<StepCacheOptions, 's3' | 'runId'>;
}

/** Binds one model's BatchContext to the shared services of a batch invocation. */
export function openRunContext(ctx: BatchContext, services: RunServices): RunContext {
  const { clients, db, printer, signal } = services;
  let run: PipelineRunRow | undefined;
  const ensureRun = async (): Promise<PipelineRunRow> => {
    if (run) return run;
    await db.upsertModel({ name: ctx.model.name, team: ctx.model.team, task: ctx.model.task });
    const created = await db.createPipelineRun({
      runId: ctx.runId,
      modelName: ctx.model.name,
      environment: ctx.env,
    });
    run = created.run;
    printer.info(
      `${created.created ? 'new' : 'resuming'} run ${ctx.runId} of model ${ctx.model.name} (env ${ctx.env})`,
    );
    return run;
  };
  return {
    ...ctx,
    s3: clients.s3,
    sagemaker: clients.sagemaker,
    logs: clients.logs,
    db,
    printer,
    signal,
    ensureRun,
    async runJob(plan) {
      const pipelineRun = await ensureRun();
      const deps = {
        sagemaker: clients.sagemaker,
        logs: clients.logs,
        db,
        printer,
        signal,
        pollMs: services.pollMs,
      };
      const owner = { batch: ctx.batch, modelName: ctx.model.name, pipelineRunId: pipelineRun.id };
      if (!services.cache) return runJob(deps, owner, plan);
      return runJobCached(deps, owner, plan, { ...services.cache, s3: clients.s3, runId: ctx.runId });
    },
    async runTuning(plan) {
      const pipelineRun = await ensureRun();
      return runTuning(
        { sagemaker: clients.sagemaker, logs: clients.logs, db, printer, signal, pollMs: services.pollMs },
        { batch: ctx.batch, modelName: ctx.model.name, pipelineRunId: pipelineRun.id },
        plan,
      );
    },
  };
}
