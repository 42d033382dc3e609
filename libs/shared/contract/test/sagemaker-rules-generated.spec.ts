import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SAGEMAKER_MODEL_COMMIT, SAGEMAKER_RULES } from '../src';

const SCRIPT = join(__dirname, '..', 'scripts', 'generate-sagemaker-rules.mjs');
const NS = 'com.amazonaws.sagemaker#';

/**
 * A model written for this test in the Smithy JSON AST of the official one: one operation whose input
 * reaches every construct and fact trait the generator reads, plus documentation it must drop and a shape
 * nothing reaches.
 */
const MINI_MODEL = {
  smithy: '2.0',
  shapes: {
    [`${NS}CreateThing`]: { type: 'operation', input: { target: `${NS}CreateThingRequest` } },
    [`${NS}CreateThingRequest`]: {
      type: 'structure',
      members: {
        Name: {
          target: `${NS}ThingName`,
          traits: { 'smithy.api#required': {}, 'smithy.api#documentation': 'd' },
        },
        Count: { target: 'smithy.api#Integer', traits: { 'smithy.api#range': { min: 1, max: 10 } } },
        Kind: { target: `${NS}Kind` },
        Tags: { target: `${NS}TagList` },
        Params: { target: `${NS}Params` },
        Nested: { target: `${NS}Nested` },
      },
    },
    [`${NS}ThingName`]: {
      type: 'string',
      traits: {
        'smithy.api#length': { min: 1, max: 63 },
        'smithy.api#pattern': '^[a-z]+$',
        'smithy.api#documentation': 'not a fact',
      },
    },
    [`${NS}Kind`]: {
      type: 'enum',
      members: {
        A: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'a-kind' } },
        B: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'b-kind' } },
      },
    },
    [`${NS}TagList`]: {
      type: 'list',
      member: { target: 'smithy.api#String' },
      traits: { 'smithy.api#length': { max: 2 } },
    },
    [`${NS}Params`]: {
      type: 'map',
      key: { target: `${NS}ThingName` },
      value: { target: 'smithy.api#String' },
    },
    [`${NS}Nested`]: { type: 'structure', members: { Flag: { target: 'smithy.api#Boolean' } } },
    [`${NS}Unreached`]: { type: 'string' },
  },
};

/** The generator's buildTable on a model (ESM script, run in its own Node). */
interface Table {
  operations: Record<string, string>;
  shapes: Record<string, unknown>;
  modelCommit: string;
}

function generate(model: object, operations: string[], commit: string): Table {
  const code = `import { buildTable } from ${JSON.stringify(SCRIPT)};
    process.stdout.write(JSON.stringify(buildTable(JSON.parse(process.argv[1]), process.argv[2], JSON.parse(process.argv[3]))));`;
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', code, JSON.stringify(model), commit, JSON.stringify(operations)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}

describe('the rule generator', () => {
  const commit = 'a'.repeat(40);
  const table = generate(MINI_MODEL, ['CreateThing'], commit);

  it('turns the model into facts: required, lengths, patterns, ranges, enums, lists, maps, nesting', () => {
    expect(table.operations).toEqual({ CreateThing: 'CreateThingRequest' });
    expect((table.shapes.CreateThingRequest as { members: unknown }).members).toEqual({
      Name: { shape: 'ThingName', required: true },
      Count: { shape: 'integer', range: { min: 1, max: 10 } },
      Kind: { shape: 'Kind' },
      Tags: { shape: 'TagList' },
      Params: { shape: 'Params' },
      Nested: { shape: 'Nested' },
    });
    expect(table.shapes.ThingName).toEqual({
      type: 'string',
      length: { min: 1, max: 63 },
      pattern: '^[a-z]+$',
    });
    expect(table.shapes.Kind).toEqual({ type: 'enum', values: ['a-kind', 'b-kind'] });
    expect(table.shapes.TagList).toEqual({ type: 'list', length: { max: 2 }, member: { shape: 'string' } });
    expect(table.shapes.Params).toEqual({
      type: 'map',
      key: { shape: 'ThingName' },
      value: { shape: 'string' },
    });
    expect(table.shapes.Nested).toEqual({ type: 'structure', members: { Flag: { shape: 'boolean' } } });
  });

  it('keeps only what the operations reach, no documentation, and records the model commit', () => {
    expect(Object.keys(table.shapes).sort()).toEqual(
      ['CreateThingRequest', 'Kind', 'Nested', 'Params', 'TagList', 'ThingName'].sort(),
    );
    expect(JSON.stringify(table)).not.toContain('not a fact');
    expect(table.modelCommit).toBe(commit);
  });

  it('refuses an operation the model does not have, naming it', () => {
    expect(() => generate(MINI_MODEL, ['DeleteThing'], commit)).toThrow(
      /operation DeleteThing is not in the model/,
    );
  });
});

describe('the committed table', () => {
  it('carries the model commit and the generator that made it', () => {
    expect(SAGEMAKER_MODEL_COMMIT).toMatch(/^[0-9a-f]{40}$/);
    expect(SAGEMAKER_RULES.generator).toBe('libs/shared/contract/scripts/generate-sagemaker-rules.mjs');
  });

  it('covers the job operations the project calls or serves, tuning included, with their inputs', () => {
    const ops = SAGEMAKER_RULES.operations;
    for (const kind of ['Training', 'Processing', 'HyperParameterTuning'])
      for (const verb of ['Create', 'Describe', 'Stop'])
        expect(SAGEMAKER_RULES.shapes[ops[`${verb}${kind}Job`]]?.type).toBe('structure');
    expect(ops.ListTrainingJobsForHyperParameterTuningJob).toBe(
      'ListTrainingJobsForHyperParameterTuningJobRequest',
    );
  });

  it('has a compilable pattern, and values for every enum, where it names them', () => {
    for (const [name, shape] of Object.entries(SAGEMAKER_RULES.shapes) as [
      string,
      { type: string; pattern?: string; values?: unknown[] },
    ][]) {
      const pattern = shape.pattern;
      if (pattern !== undefined)
        expect(() => new RegExp(pattern.replace(/\\p\{Alnum\}/g, 'a-zA-Z0-9'), 'u')).not.toThrow();
      if (shape.type === 'enum')
        expect({ name, n: (shape.values ?? []).length > 0 }).toEqual({ name, n: true });
    }
    expect(SAGEMAKER_RULES.shapes.TrainingInstanceType.values).toContain('ml.m5.large');
  });
});
