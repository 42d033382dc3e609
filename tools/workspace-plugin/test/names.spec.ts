import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BATCH_NAME_MAX, JOB_NAME_MAX, MODEL_NAME_MAX, RUN_ID_MAX_LENGTH } from '../src/names/name-budget';
import { nameProblems } from '../src/names/validate-name';
import { ownerProblems, teamSlug } from '../src/owners/owner';
import { WORKSPACE_ROOT } from './support/temp-workspace';

const source = (rel: string) => fs.readFileSync(path.join(WORKSPACE_ROOT, rel), 'utf8');

describe('job-name budget', () => {
  it("agrees with libs/pipeline/pipeline-core's jobNameFor (run in a child process: a shared tool may not import it)", () => {
    const script = `
      const { jobNameFor } = require('./libs/pipeline/pipeline-core/src/naming/job-name.ts');
      const { RUN_ID_MAX_LENGTH } = require('./libs/pipeline/pipeline-core/src/run-id.ts');
      const run = 'r'.repeat(RUN_ID_MAX_LENGTH);
      console.log(JSON.stringify({
        runIdMax: RUN_ID_MAX_LENGTH,
        fits: jobNameFor(run, 'm'.repeat(${MODEL_NAME_MAX}), 'b'.repeat(${BATCH_NAME_MAX})),
        over: jobNameFor(run, 'm'.repeat(${MODEL_NAME_MAX + 1}), 'b'.repeat(${BATCH_NAME_MAX})),
      }));`;
    const r = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.runIdMax).toBe(RUN_ID_MAX_LENGTH);
    // At the budget the name is kept whole; one char more and pipeline-core truncates and hashes it.
    expect(out.fits).toBe(`${'m'.repeat(MODEL_NAME_MAX)}-${'b'.repeat(BATCH_NAME_MAX)}-${'r'.repeat(32)}`);
    expect(out.fits).toHaveLength(JOB_NAME_MAX);
    expect(out.over).not.toContain(
      'm'.repeat(MODEL_NAME_MAX + 1) + '-' + 'b'.repeat(BATCH_NAME_MAX) + '-' + 'r'.repeat(32),
    );
    expect(out.over).toHaveLength(JOB_NAME_MAX);
  });

  it('the longest model, batch and run id still make a job name of at most 63 chars', () => {
    expect(MODEL_NAME_MAX).toBe(19);
    const name = ['m'.repeat(MODEL_NAME_MAX), 'b'.repeat(BATCH_NAME_MAX), 'r'.repeat(RUN_ID_MAX_LENGTH)].join(
      '-',
    );
    expect(name).toHaveLength(63);
    expect(name).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/);
  });

  it('every existing batch name fits the batch budget', () => {
    const phases = source('libs/shared/contract/src/pipeline/batches.ts');
    const names = [...(/\[([^\]]+)\]/.exec(phases)?.[1].matchAll(/'([a-z-]+)'/g) ?? [])].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const n of names) expect({ n, problems: nameProblems('batch', n) }).toEqual({ n, problems: [] });
  });
});

describe('nameProblems', () => {
  it.each(['iris', 'mpg', 'fraud-v2', 'a', 'm'.repeat(19)])('accepts model %j', (n) => {
    expect(nameProblems('model', n)).toEqual([]);
  });

  it('applies the batch budget to batches', () => {
    expect(nameProblems('batch', 'monitoring')).toEqual([]);
    expect(nameProblems('batch', 'monitoring2')).toEqual([
      'batch name "monitoring2" is 11 chars, over the 10-char budget: SageMaker job names `<model>-<batch>-<run-id>` must fit 63 chars (see tools/workspace-plugin/README.md)',
    ]);
  });

  it('refuses a non-string', () => {
    expect(nameProblems('model', 42)).toEqual(['model name is missing']);
  });
});

describe('owners', () => {
  it.each(['@acme/team-a', '@someone', 'a.person@example.com', '@org/Team_B.x'])('accepts %j', (o) => {
    expect(ownerProblems(o)).toEqual([]);
  });

  it.each([
    ['@acme/team-a', 'team-a'],
    ['@acme/Team_B.x', 'team-b-x'],
    ['@someone', 'someone'],
    ['a.person@example.com', 'a-person'],
  ])('team slug of %j is %j (the config schema allows [a-z0-9-])', (owner, slug) => {
    expect(teamSlug(owner)).toBe(slug);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });
});
