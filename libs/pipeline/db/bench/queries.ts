/**
 * Query latency of the db-adapter on SQLite (temp file) and PostgreSQL (temp schema on 127.0.0.1:5432):
 * what a batch does while it waits for jobs (upsert, then status updates), plus the report listing.
 * Run: npx nx run db:bench   (bundles this file with esbuild, then runs it with node)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DbConfig, openDatabase } from '../src';

const JOBS = Number(process.env.BENCH_JOBS ?? 300);
const PG = { host: '127.0.0.1', port: 5432, database: 'test', user: process.env.PGUSER ?? 'postgres' };

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2);
  const total = s.reduce((a, b) => a + b, 0);
  return `n=${s.length} p50=${q(0.5)}ms p95=${q(0.95)}ms ops/s=${Math.round((s.length * 1000) / total)}`;
}

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  const r = await fn();
  samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  return r;
}

async function bench(label: string, config: DbConfig): Promise<void> {
  const t0 = Date.now();
  const db = await openDatabase(config);
  const openMs = Date.now() - t0;
  const upserts: number[] = [];
  const updates: number[] = [];
  const evals: number[] = [];
  try {
    await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
    const { run } = await db.createPipelineRun({ runId: 'bench', modelName: 'iris', environment: 'local' });
    for (let i = 0; i < JOBS; i++) {
      const name = `iris-train-${i}`;
      await timed(upserts, () =>
        db.upsertJob({
          sagemakerName: name,
          jobType: 'Training',
          batch: 'training',
          modelName: 'iris',
          pipelineRunId: run.id,
        }),
      );
      for (const secondaryStatus of ['Starting', 'Downloading', 'Training', 'Uploading']) {
        await timed(updates, () => db.updateJob(name, { status: 'InProgress', secondaryStatus }));
      }
      await timed(updates, () => db.updateJob(name, { status: 'Completed', metrics: { accuracy: 0.95 } }));
    }
    for (let i = 0; i < 100; i++) {
      const v = await db.createModelVersion({
        modelName: 'iris',
        artifactUri: `s3://b/iris/${i}/model.tar.gz`,
      });
      await timed(evals, () =>
        db.recordEvaluation({
          modelVersionId: v.id,
          metrics: { accuracy: 0.95 },
          checks: [{ metric: 'accuracy', op: '>=', value: 0.9, actual: 0.95, passed: true }],
          verdict: 'Passed',
        }),
      );
    }
    const list: number[] = [];
    for (let i = 0; i < 20; i++) await timed(list, () => db.listJobs({ pipelineRunId: run.id }));
    console.log(`${label}: open+migrate ${openMs} ms`);
    console.log(`  upsertJob            ${stats(upserts)}`);
    console.log(`  updateJob            ${stats(updates)}`);
    console.log(`  recordEvaluation     ${stats(evals)}`);
    console.log(`  listJobs(${JOBS} rows)  ${stats(list)}`);
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-db-bench-'));
  try {
    await bench('SQLite (better-sqlite3, WAL, temp file)', {
      type: 'sqlite',
      path: path.join(dir, 'bench.sqlite'),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const schema = `mlops_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client(PG);
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await bench(`PostgreSQL (${PG.host}:${PG.port}, temp schema)`, { type: 'postgres', ...PG, schema });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

main().catch((err: Error) => {
  console.error(`${err.name}: ${err.message}`);
  process.exit(1);
});
