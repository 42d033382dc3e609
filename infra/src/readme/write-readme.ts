import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../synth-app';
import { readWorkspace } from '../workspace/workspace-model';
import { formatSection, policySection, replaceSection } from './policy-section';
import { README_CONTEXT } from './readme-context';

// `npx nx run infra:readme`: rewrites the generated policy section of infra/README.md.
const infraDir = join(__dirname, '..');
const root = join(infraDir, '..');
const { app, stacks } = buildApp(README_CONTEXT, (env) => readWorkspace(root, env));
const file = join(infraDir, 'README.md');
writeFileSync(
  file,
  replaceSection(readFileSync(file, 'utf8'), formatSection(policySection(app, stacks), file)),
);
console.log(`wrote ${file}`);
