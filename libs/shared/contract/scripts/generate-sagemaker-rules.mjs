#!/usr/bin/env node
// Turns the official SageMaker Smithy model (aws/api-models-aws,
// sagemaker/service/2017-07-24/sagemaker-2017-07-24.json) into the rule table the checker reads: for each
// operation below, the shapes reachable from its input with their required members, lengths, patterns,
// ranges and enums. Plain Node, no network, no dependencies.
//
//   node generate-sagemaker-rules.mjs --model <sagemaker-2017-07-24.json> --commit <sha>   # write the table
//   ... --check     exit 1 when the committed table differs from what the model gives
//   ... --stdout    print the table instead of writing it
// The model itself is AWS's file and is not committed; only the table of facts drawn from it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
export const TABLE_PATH = join(HERE, '..', 'src', 'sagemaker', 'rules.generated.json');

/** Every SageMaker operation the project calls (libs/pipeline/aws) or serves (tools/local-sagemaker), and the
 *  hyperparameter tuning operations that come next. */
export const OPERATIONS = [
  'CreateTrainingJob',
  'DescribeTrainingJob',
  'StopTrainingJob',
  'ListTrainingJobs',
  'CreateProcessingJob',
  'DescribeProcessingJob',
  'StopProcessingJob',
  'ListProcessingJobs',
  'CreateHyperParameterTuningJob',
  'DescribeHyperParameterTuningJob',
  'StopHyperParameterTuningJob',
  'ListHyperParameterTuningJobs',
  'ListTrainingJobsForHyperParameterTuningJob',
];

const NS = 'com.amazonaws.sagemaker#';
const PRELUDE = 'smithy.api#';

const local = (id) =>
  id.startsWith(NS) ? id.slice(NS.length) : id.startsWith(PRELUDE) ? id.slice(PRELUDE.length) : id;

/** Shape ids reachable from the operations' inputs (prelude shapes are not in the model's `shapes`). */
function reachable(model, operations) {
  const seen = new Set();
  const queue = [];
  for (const op of operations) {
    const shape = model.shapes[NS + op];
    if (!shape || shape.type !== 'operation') throw new Error(`operation ${op} is not in the model`);
    queue.push(NS + op);
  }
  while (queue.length) {
    const id = queue.pop();
    if (seen.has(id) || id.startsWith(PRELUDE)) continue;
    const shape = model.shapes[id];
    if (!shape) throw new Error(`shape ${id} is referenced but not defined`);
    seen.add(id);
    if (shape.type === 'operation') {
      if (shape.input) queue.push(shape.input.target);
    } else if (shape.type === 'structure' || shape.type === 'union') {
      for (const m of Object.values(shape.members ?? {})) queue.push(m.target);
    } else if (shape.type === 'list') queue.push(shape.member.target);
    else if (shape.type === 'map') queue.push(shape.key.target, shape.value.target);
  }
  return [...seen].sort();
}

/** Length/range/pattern of a shape or member, as the checker reads them. */
function constraints(traits = {}) {
  const out = {};
  const length = traits['smithy.api#length'];
  if (length) out.length = compactRange(length);
  const range = traits['smithy.api#range'];
  if (range) out.range = compactRange(range);
  if (traits['smithy.api#pattern'] !== undefined) out.pattern = traits['smithy.api#pattern'];
  return out;
}

function compactRange(r) {
  const out = {};
  if (r.min !== undefined) out.min = Number(r.min);
  if (r.max !== undefined) out.max = Number(r.max);
  return out;
}

const SCALAR = {
  String: 'string',
  Boolean: 'boolean',
  PrimitiveBoolean: 'boolean',
  Integer: 'integer',
  PrimitiveInteger: 'integer',
  Long: 'long',
  PrimitiveLong: 'long',
  Float: 'float',
  Double: 'double',
  Timestamp: 'timestamp',
  Blob: 'blob',
};

function ref(id) {
  if (id.startsWith(PRELUDE)) {
    const t = SCALAR[local(id)];
    if (!t) throw new Error(`prelude shape ${id} is not handled`);
    return t;
  }
  return local(id);
}

/** A member: its target (shape name, or a scalar type for prelude shapes) plus member-level constraints. */
function member(m) {
  const out = { shape: ref(m.target), ...constraints(m.traits) };
  if (m.traits?.['smithy.api#required'] !== undefined) out.required = true;
  return out;
}

/** The table: operations → input shape, shapes → their facts. Deterministic (sorted keys). */
export function buildTable(model, commit, operations = OPERATIONS) {
  const shapes = {};
  const ops = {};
  for (const id of reachable(model, operations)) {
    const s = model.shapes[id];
    const name = local(id);
    if (s.type === 'operation') {
      ops[name] = s.input ? local(s.input.target) : null;
      continue;
    }
    const entry = { type: s.type, ...constraints(s.traits) };
    if (s.type === 'enum') {
      entry.values = Object.values(s.members).map((m) => m.traits['smithy.api#enumValue']);
    } else if (s.type === 'structure' || s.type === 'union') {
      entry.members = Object.fromEntries(Object.entries(s.members ?? {}).map(([k, m]) => [k, member(m)]));
    } else if (s.type === 'list') {
      entry.member = member(s.member);
    } else if (s.type === 'map') {
      entry.key = member(s.key);
      entry.value = member(s.value);
    } else if (s.type === 'intEnum') {
      entry.values = Object.values(s.members).map((m) => m.traits['smithy.api#enumValue']);
    }
    shapes[name] = entry;
  }
  const sortKeys = (o) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  return {
    source: 'github.com/aws/api-models-aws sagemaker/service/2017-07-24/sagemaker-2017-07-24.json',
    modelCommit: commit,
    generator: 'libs/shared/contract/scripts/generate-sagemaker-rules.mjs',
    operations: sortKeys(ops),
    shapes: sortKeys(shapes),
  };
}

export const stringify = (value) => `${JSON.stringify(value, null, 1)}\n`;

function main() {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      commit: { type: 'string' },
      check: { type: 'boolean' },
      stdout: { type: 'boolean' },
    },
  });
  if (!values.model)
    throw new Error('--model <path of sagemaker-2017-07-24.json from aws/api-models-aws> is required');
  if (!values.commit || !/^[0-9a-f]{40}$/.test(values.commit))
    throw new Error('--model needs --commit <40-hex commit of aws/api-models-aws the file was read at>');
  const table = stringify(buildTable(JSON.parse(readFileSync(values.model, 'utf8')), values.commit));
  if (values.stdout) return void process.stdout.write(table);
  if (values.check) {
    if (readFileSync(TABLE_PATH, 'utf8') !== table) {
      process.stderr.write(`${TABLE_PATH} differs from ${values.model}: run without --check to rewrite it\n`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(TABLE_PATH, table);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`generate-sagemaker-rules: ${err.message}\n`);
    process.exit(1);
  }
}
