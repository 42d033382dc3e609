import { validationError } from '../server/errors';

/** Collects constraint violations and reports them the way the service does:
 *  `N validation errors detected: Value 'x' at 'a.b' failed to satisfy constraint: ...`. */
export class Checker {
  private readonly errors: string[] = [];

  /** A problem that is not a model constraint (e.g. a project rule), reported verbatim. */
  add(message: string): void {
    this.errors.push(message);
  }

  present(path: string, value: unknown): boolean {
    if (value === undefined || value === null) {
      this.violation(path, null, 'Member must not be null');
      return false;
    }
    return true;
  }

  string(path: string, value: unknown, rule: StringRule = {}): value is string {
    if (value === undefined || value === null) {
      if (rule.required) this.violation(path, null, 'Member must not be null');
      return false;
    }
    if (typeof value !== 'string') {
      this.violation(path, value, 'Member must be a string');
      return false;
    }
    const before = this.errors.length;
    if (rule.min !== undefined && value.length < rule.min)
      this.violation(path, value, `Member must have length greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value.length > rule.max)
      this.violation(path, value, `Member must have length less than or equal to ${rule.max}`);
    if (rule.pattern && !fullMatch(rule.pattern, value))
      this.violation(path, value, `Member must satisfy regular expression pattern: ${rule.pattern}`);
    if (rule.enum && !rule.enum.includes(value))
      this.violation(path, value, `Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
    return this.errors.length === before;
  }

  integer(path: string, value: unknown, rule: NumberRule = {}): value is number {
    if (value === undefined || value === null) {
      if (rule.required) this.violation(path, null, 'Member must not be null');
      return false;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.violation(path, value, 'Member must be an integer');
      return false;
    }
    const before = this.errors.length;
    if (rule.min !== undefined && value < rule.min)
      this.violation(path, value, `Member must have value greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value > rule.max)
      this.violation(path, value, `Member must have value less than or equal to ${rule.max}`);
    return this.errors.length === before;
  }

  boolean(path: string, value: unknown): void {
    if (value !== undefined && value !== null && typeof value !== 'boolean')
      this.violation(path, value, 'Member must be a boolean');
  }

  object(path: string, value: unknown, required = false): Record<string, unknown> | undefined {
    if (value === undefined || value === null) {
      if (required) this.violation(path, null, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.violation(path, value, 'Member must be a structure');
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  list(path: string, value: unknown, rule: NumberRule = {}): unknown[] | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.violation(path, null, 'Member must not be null');
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.violation(path, value, 'Member must be a list');
      return undefined;
    }
    if (rule.min !== undefined && value.length < rule.min)
      this.violation(path, value, `Member must have length greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value.length > rule.max)
      this.violation(path, value, `Member must have length less than or equal to ${rule.max}`);
    return value;
  }

  map(path: string, value: unknown, rule: MapRule): void {
    const obj = this.object(path, value);
    if (!obj) return;
    const entries = Object.entries(obj);
    if (rule.max !== undefined && entries.length > rule.max)
      this.violation(path, obj, `Member must have length less than or equal to ${rule.max}`);
    for (const [key, val] of entries) {
      this.string(`${path}.key`, key, rule.key);
      this.string(`${path}.value`, val, { ...rule.value, required: true });
    }
  }

  /** Throws a ValidationException listing every violation, if any. */
  throwIfInvalid(): void {
    if (this.errors.length === 0) return;
    const n = this.errors.length;
    throw validationError(`${n} validation error${n > 1 ? 's' : ''} detected: ${this.errors.join('; ')}`);
  }

  private violation(path: string, value: unknown, constraint: string): void {
    this.errors.push(
      `Value ${show(value)} at '${apiPath(path)}' failed to satisfy constraint: ${constraint}`,
    );
  }
}

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: readonly string[];
}
export interface NumberRule {
  required?: boolean;
  min?: number;
  max?: number;
}
export interface MapRule {
  max?: number;
  key: StringRule;
  value: StringRule;
}

const patternCache = new Map<string, RegExp>();
/** The model's patterns carry no anchors but the service applies them as a full match. */
function fullMatch(pattern: string, value: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, re);
  }
  return re.test(value);
}

function show(value: unknown): string {
  if (value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > 200 ? `${text.slice(0, 200)}...` : text}'`;
}

/** `AlgorithmSpecification.TrainingImage` → `algorithmSpecification.trainingImage`, as the service words it. */
function apiPath(path: string): string {
  return path
    .split('.')
    .map((part) => (/^[A-Z]/.test(part) ? part[0].toLowerCase() + part.slice(1) : part))
    .join('.');
}
