import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { END, formatSection, policySection, replaceSection, START } from '../src/readme/policy-section';
import { README_CONTEXT } from '../src/readme/readme-context';
import { buildApp } from '../src/synth-app';
import { readWorkspace } from '../src/workspace/workspace-model';
import { WORKSPACE_ROOT } from './harness';

const README = join(__dirname, '..', 'README.md');

test('the README shows the policies as synthesized (run `npx nx run infra:readme` when this fails)', () => {
  const { app, stacks } = buildApp(README_CONTEXT, (env) => readWorkspace(WORKSPACE_ROOT, env));
  const section = formatSection(policySection(app, stacks), README);
  const readme = readFileSync(README, 'utf8');
  expect(readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length)).toBe(section);
  for (const title of [
    'Batch task role',
    'SageMaker execution role',
    'CI push role',
    'CI deploy role',
    'CI diff role',
  ])
    expect(section).toContain(`#### ${title}`);
});

test('a README without the markers is an error', () => {
  expect(() => replaceSection('# x\n', 'y')).toThrow(`infra/README.md: markers ${START} … ${END} not found`);
});
