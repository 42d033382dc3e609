import type { Constraints, MemberRule, SageMakerOperation, ShapeRule } from './rules';
import { SAGEMAKER_RULES } from './rules';

/** One broken constraint, worded as SageMaker's ValidationException words it. */
export interface Violation {
  /** Request path in the service's wording: `inputDataConfig.1.member.channelName`. */
  path: string;
  value: unknown;
  /** e.g. `Member must satisfy regular expression pattern: ^…$`. */
  constraint: string;
  /** For a map: the keys whose entries break it (the service's message shows the whole map instead). */
  entries?: string[];
}

export interface CheckOptions {
  /** Values a shape accepts beyond the model, by shape name (the local stack's documented extensions such as
   *  `file://` for `S3Uri`). A value accepted here skips that shape's checks. */
  accept?: Readonly<Record<string, (value: unknown) => boolean>>;
}

/**
 * Checks an operation's input (plain data: the SDK input or the JSON body) against the model's required
 * members, lengths, ranges, patterns and enums, nested structures, lists and maps included. Unknown members are
 * ignored, as the service ignores them. Returns every violation, in request order.
 */
export function checkRequest(
  operation: SageMakerOperation,
  input: unknown,
  options: CheckOptions = {},
): Violation[] {
  const inputShape = SAGEMAKER_RULES.operations[operation];
  if (!inputShape) throw new Error(`${operation} is not in the SageMaker rule table`);
  const walk: Walk = { out: [], options };
  checkStructure(walk, '', input ?? {}, shapeRule(inputShape));
  return walk.out;
}

/** What every step of the walk shares: the violations found so far and the caller's options. */
interface Walk {
  out: Violation[];
  options: CheckOptions;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Scalar types of the Smithy prelude that members may target directly. */
const PRELUDE: Record<string, ShapeRule> = Object.fromEntries(
  ['string', 'boolean', 'integer', 'long', 'float', 'double', 'timestamp', 'blob'].map((t) => [
    t,
    { type: t },
  ]),
);

function shapeRule(name: string): ShapeRule {
  const rule = SAGEMAKER_RULES.shapes[name] ?? PRELUDE[name];
  if (!rule) throw new Error(`shape ${name} is not in the SageMaker rule table`);
  return rule;
}

const join = (path: string, member: string) => {
  const name = member[0].toLowerCase() + member.slice(1);
  return path ? `${path}.${name}` : name;
};

function checkStructure(walk: Walk, path: string, value: unknown, rule: ShapeRule): void {
  if (!isRecord(value)) {
    walk.out.push({ path, value, constraint: 'Member must be a structure' });
    return;
  }
  const obj = value;
  for (const [name, member] of Object.entries(rule.members ?? {})) {
    const v = obj[name];
    const p = join(path, name);
    if (v === undefined || v === null) {
      if (member.required) walk.out.push({ path: p, value: null, constraint: 'Member must not be null' });
      continue;
    }
    checkMember(walk, p, v, member);
  }
}

function checkMember(walk: Walk, path: string, value: unknown, ref: MemberRule) {
  if (walk.options.accept?.[ref.shape]?.(value)) return;
  const rule = shapeRule(ref.shape);
  const limits: Constraints = { ...pick(rule), ...pick(ref) };
  switch (rule.type) {
    case 'structure':
    case 'union':
      return checkStructure(walk, path, value, rule);
    case 'list':
      return checkList(walk, path, value, rule, limits);
    case 'map':
      return checkMap(walk, path, value, rule, limits);
    default:
      for (const constraint of scalarProblems(value, rule, limits))
        walk.out.push({ path, value, constraint });
  }
}

function checkList(walk: Walk, path: string, value: unknown, rule: ShapeRule, limits: Constraints): void {
  const { out, options } = walk;
  if (!Array.isArray(value)) {
    out.push({ path, value, constraint: 'Member must be a list' });
    return;
  }
  lengthProblems(value.length, limits).forEach((constraint) => out.push({ path, value, constraint }));
  const item = rule.member as MemberRule;
  const itemRule = shapeRule(item.shape);
  if (isScalar(itemRule)) {
    // The service reports scalar items once, at the list: `Member must satisfy constraint: [...]`.
    const { problems } = collect(value, item, itemRule, options);
    if (problems.length)
      out.push({ path, value, constraint: `Member must satisfy constraint: [${problems.join(', ')}]` });
    return;
  }
  value.forEach((v, i) => {
    const p = `${path}.${i + 1}.member`;
    if (v === undefined || v === null)
      out.push({ path: p, value: null, constraint: 'Member must not be null' });
    else checkMember(walk, p, v, item);
  });
}

function checkMap(walk: Walk, path: string, value: unknown, rule: ShapeRule, limits: Constraints): void {
  const { out, options } = walk;
  if (!isRecord(value)) {
    out.push({ path, value, constraint: 'Member must be a map' });
    return;
  }
  const entries = Object.entries(value);
  lengthProblems(entries.length, limits).forEach((constraint) => out.push({ path, value, constraint }));
  const key = rule.key as MemberRule;
  const val = rule.value as MemberRule;
  const keys = entries.map(([k]) => k);
  // The service reports keys and scalar values once, at the map; `entries` says which ones.
  const report = (what: string, found: { problems: string[]; at: number[] }) => {
    if (found.problems.length)
      out.push({
        path,
        value,
        constraint: `${what} must satisfy constraint: [${found.problems.join(', ')}]`,
        entries: found.at.map((i) => keys[i]),
      });
  };
  report('Map keys', collect(keys, key, shapeRule(key.shape), options));
  const valRule = shapeRule(val.shape);
  if (!isScalar(valRule)) {
    for (const [k, v] of entries) checkMember(walk, `${path}.${k}`, v, val);
    return;
  }
  report(
    'Map value',
    collect(
      entries.map(([, v]) => v),
      val,
      valRule,
      options,
    ),
  );
}

/** Distinct problems of scalar items, in first-seen order (null items count as `Member must not be null`),
 *  and the indexes of the items that have any. */
function collect(
  items: unknown[],
  ref: MemberRule,
  rule: ShapeRule,
  options: CheckOptions,
): { problems: string[]; at: number[] } {
  const limits: Constraints = { ...pick(rule), ...pick(ref) };
  const problems = new Set<string>();
  const at: number[] = [];
  items.forEach((item, i) => {
    const found =
      item === undefined || item === null
        ? ['Member must not be null']
        : options.accept?.[ref.shape]?.(item)
          ? []
          : scalarProblems(item, rule, limits);
    found.forEach((p) => problems.add(p));
    if (found.length) at.push(i);
  });
  return { problems: [...problems], at };
}

const isScalar = (rule: ShapeRule) => !['structure', 'union', 'list', 'map'].includes(rule.type);

function pick(c: Constraints): Constraints {
  const out: Constraints = {};
  if (c.length) out.length = c.length;
  if (c.range) out.range = c.range;
  if (c.pattern !== undefined) out.pattern = c.pattern;
  return out;
}

function scalarProblems(value: unknown, rule: ShapeRule, limits: Constraints): string[] {
  switch (rule.type) {
    case 'string':
    case 'enum': {
      if (typeof value !== 'string') return ['Member must be a string'];
      const problems = lengthProblems([...value].length, limits);
      if (limits.pattern !== undefined && !regex(limits.pattern).test(value))
        problems.push(`Member must satisfy regular expression pattern: ${limits.pattern}`);
      if (rule.values && !rule.values.includes(value))
        problems.push(`Member must satisfy enum value set: [${rule.values.join(', ')}]`);
      return problems;
    }
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`Member must be an integer`];
      return rangeProblems(value, limits);
    case 'float':
    case 'double':
      if (typeof value !== 'number') return ['Member must be a number'];
      return rangeProblems(value, limits);
    case 'boolean':
      return typeof value === 'boolean' ? [] : ['Member must be a boolean'];
    case 'timestamp':
      return value instanceof Date || typeof value === 'number' || typeof value === 'string'
        ? []
        : ['Member must be a timestamp'];
    default:
      return [];
  }
}

function lengthProblems(length: number, limits: Constraints): string[] {
  const out: string[] = [];
  const { min, max } = limits.length ?? {};
  if (min !== undefined && length < min) out.push(`Member must have length greater than or equal to ${min}`);
  if (max !== undefined && length > max) out.push(`Member must have length less than or equal to ${max}`);
  return out;
}

function rangeProblems(value: number, limits: Constraints): string[] {
  const out: string[] = [];
  const { min, max } = limits.range ?? {};
  if (min !== undefined && value < min) out.push(`Member must have value greater than or equal to ${min}`);
  if (max !== undefined && value > max) out.push(`Member must have value less than or equal to ${max}`);
  return out;
}

const compiled = new Map<string, RegExp>();
/**
 * Smithy's pattern semantics (a search, not an implicit full match): the model anchors with `^…$` where it
 * means the whole value, and leaves ARN prefixes such as `^arn:…:function:` open on purpose. The patterns are
 * Java regexes: `\p{Alnum}` (ASCII letters and digits in Java) has no JS equivalent and is spelled out; `u`
 * makes `\p{L}` etc. work.
 */
function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern.replace(/\\p\{Alnum\}/g, 'a-zA-Z0-9'), 'u');
    compiled.set(pattern, re);
  }
  return re;
}
