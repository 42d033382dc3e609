#!/usr/bin/env node
// CODEOWNERS from project metadata: every project.json with `metadata.owner` gets a line for its
// root between the markers below, and a container app's owner also owns its model's config file
// (configs/models/<model>.yaml, the model from its `scope:<model>` tag). `--check` fails (exit 1) when
// the file is stale, when a container app has no owner or no model file, or when a model file has no
// container app, so ownership cannot drift from the projects.
// Usage: node tools/ci/codeowners.mjs [--check] [--root <workspace>]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectRoots } from './project-roots.mjs';

export const BEGIN = '# BEGIN generated from project.json metadata.owner (node tools/ci/codeowners.mjs)';
export const END = '# END generated';
/** Where a model's settings live (read by libs/pipeline/config-reader). */
export const MODEL_CONFIG_DIR = 'configs/models';
const OWNER = /^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$|^[^@\s]+@[^@\s]+$/;

export function readProjects(root) {
  const projects = [];
  for (const rel of projectRoots(root)) {
    const json = JSON.parse(readFileSync(join(root, rel, 'project.json'), 'utf8'));
    const tags = json.tags ?? [];
    const model = isContainerApp(tags)
      ? tags.find((t) => t.startsWith('scope:'))?.slice('scope:'.length)
      : undefined;
    const modelConfig = model ? `${MODEL_CONFIG_DIR}/${model}.yaml` : undefined;
    projects.push({
      name: json.name,
      root: rel,
      tags,
      owner: json.metadata?.owner,
      modelConfig,
      hasModelConfig: modelConfig !== undefined && existsSync(join(root, modelConfig)),
    });
  }
  return projects.sort((a, b) => a.root.localeCompare(b.root));
}

/** `configs/models/*.yaml` of the workspace (model files, whoever owns them). */
export function readModelConfigs(root) {
  const dir = join(root, MODEL_CONFIG_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${MODEL_CONFIG_DIR}/${f}`)
    .sort();
}

const isContainerApp = (tags) => tags.includes('platform:container') && tags.includes('type:app');

export function problems(projects, modelConfigs = []) {
  const out = [];
  for (const p of projects) {
    const container = isContainerApp(p.tags);
    if (container && !p.owner)
      out.push(`${p.root}/project.json: container app "${p.name}" has no metadata.owner`);
    if (container && !p.modelConfig)
      out.push(`${p.root}/project.json: container app "${p.name}" has no scope:<model> tag naming its model`);
    if (container && p.modelConfig && !p.hasModelConfig)
      out.push(`${p.modelConfig}: missing; container app "${p.name}" needs its model's config file`);
    if (p.owner !== undefined && !OWNER.test(p.owner)) {
      out.push(
        `${p.root}/project.json: metadata.owner "${p.owner}" is not a GitHub @user, @org/team or email`,
      );
    }
  }
  const claimed = new Set(projects.map((p) => p.modelConfig).filter(Boolean));
  for (const file of modelConfigs)
    if (!claimed.has(file))
      out.push(`${file}: no container app tagged scope:<model> for it; its team would not own it`);
  return out;
}

export function render(current, projects) {
  const entries = [];
  for (const p of projects.filter((x) => x.owner)) {
    entries.push([`/${p.root}/`, p.owner]);
    if (p.hasModelConfig) entries.push([`/${p.modelConfig}`, p.owner]);
  }
  const lines = entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, owner]) => path.padEnd(40) + ` ${owner}`);
  const block = [BEGIN, ...lines, END].join('\n');
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start === -1 || end === -1) return `${current.trimEnd()}\n\n${block}\n`;
  return current.slice(0, start) + block + current.slice(end + END.length);
}

const USAGE = 'Usage: node tools/ci/codeowners.mjs [--check] [--root <workspace>]';

function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        check: { type: 'boolean' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    // node:util's text can span lines; its first line names the flag.
    console.error(`codeowners: ${e.message.split('\n')[0]}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const check = values.check === true;
  const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
  const file = join(root, '.github', 'CODEOWNERS');
  const projects = readProjects(root);
  const issues = problems(projects, readModelConfigs(root));
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const next = render(current, projects);
  if (check) {
    if (next !== current) issues.push(`${file} is out of date: run node tools/ci/codeowners.mjs`);
    for (const i of issues) console.error(i);
    if (issues.length) process.exit(1);
    console.log(`CODEOWNERS matches ${projects.filter((p) => p.owner).length} owned projects`);
    return;
  }
  if (issues.length) {
    for (const i of issues) console.error(i);
    process.exit(1);
  }
  if (next !== current) writeFileSync(file, next);
  console.log(`${file}: ${projects.filter((p) => p.owner).length} owned projects`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
