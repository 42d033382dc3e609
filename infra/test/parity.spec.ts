import { ExitCode, runLayout } from '@mlops/pipeline-core';
import { RETRYABLE_EXIT_CODES } from '../src/constructs/batch-flow';
import { runKeyPatterns } from '../src/iam/s3-patterns';

// infra restates two facts of pipeline-core so the CDK app does not load it (TypeORM, the SDK); these
// tests keep the copies equal to the source.
test('run key patterns are runLayout with the run id as *', () => {
  const prefixes = {
    raw: 'iris/raw/',
    processed: 'iris/processed/',
    models: 'iris/models/',
    evaluation: 'iris/evaluation/',
    inference: 'iris/inference/',
  };
  const layout = runLayout('b', prefixes, '*');
  const keys = [
    layout.raw,
    layout.processed.train,
    layout.models,
    layout.checkpoints,
    layout.evaluation,
    layout.inference,
  ].map((u) => u.replace('s3://b/', ''));
  const patterns = runKeyPatterns({ name: 'iris', s3Prefixes: prefixes }).map(
    (p) => new RegExp(`^${p.replace(/\*/g, '.*')}$`),
  );
  for (const key of keys) expect(patterns.some((p) => p.test(`${key}object`))).toBe(true);
  expect(runKeyPatterns({ name: 'x', s3Prefixes: { raw: 'a/b/raw/' } })).toEqual(['a/b/*/raw/*']);
});

test('retryable exit codes: only Interrupted', () => {
  expect(RETRYABLE_EXIT_CODES).toEqual([ExitCode.Interrupted]);
});
