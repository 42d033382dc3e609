import { AwsEndpointConfig, createS3Client } from '@mlops/aws';
import { DbConfig, openDatabase } from '@mlops/db';
import type { BatchResult } from '../batches/run-batch';
import { collectModelRunData } from './collect-run-data';
import { fetchPlots } from './fetch-plots';
import type { ReportData } from './report-data';
import { renderReport } from './render-report';
import { reportFileName, writeReport } from './write-report';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildReportInput {
  db: DbConfig;
  s3: AwsEndpointConfig;
  reportDir: string;
  runId: string;
  env: string;
  runtime: string;
  models: readonly string[];
  batches: readonly BatchResult[];
  wallTimeMs: number;
  /** The local stack's on-disk log store, shown next to each job's log group. */
  logsDir?: string;
}

/** Reads the run from the DB, fetches the plots from S3, writes the HTML report; returns its path and data. */
export async function buildReport(input: BuildReportInput): Promise<{ path: string; data: ReportData }> {
  const db = await openDatabase(input.db);
  let models;
  try {
    models = [];
    const reportFileFor = (runId: string): string | null => {
      const file = reportFileName(runId);
      return existsSync(join(input.reportDir, file)) ? file : null;
    };
    for (const model of input.models)
      models.push(await collectModelRunData(db, input.runId, model, reportFileFor));
  } finally {
    await db.close();
  }
  const s3 = createS3Client(input.s3);
  let plots;
  try {
    plots = await fetchPlots(s3, models);
  } finally {
    s3.destroy();
  }
  const data: ReportData = {
    runId: input.runId,
    env: input.env,
    runtime: input.runtime,
    generatedAt: new Date(),
    wallTimeMs: input.wallTimeMs,
    batches: [...input.batches],
    models,
    plots: plots.plots,
    plotErrors: plots.errors,
    ...(input.logsDir ? { logsDir: input.logsDir } : {}),
  };
  return { path: writeReport(input.reportDir, input.runId, renderReport(data)), data };
}
