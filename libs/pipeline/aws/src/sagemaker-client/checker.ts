import type { Violation } from './errors';

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** Model pattern source; applied as a full match `^(?:…)$` (the service's semantics). */
  pattern?: string;
  /** Regex flags, e.g. `u` for `\p{L}` classes. */
  flags?: string;
}

/** Collects every violation instead of stopping at the first, so one error can list them all. */
export class Checker {
  readonly violations: Violation[] = [];
  private readonly compiled = new Map<string, RegExp>();

  add(path: string, value: unknown, rule: string): void {
    this.violations.push({ path, value, rule });
  }

  present(path: string, value: unknown, required: boolean | undefined): boolean {
    if (value === undefined || value === null) {
      if (required) this.add(path, value, 'is required');
      return false;
    }
    return true;
  }

  string(path: string, value: unknown, rule: StringRule = {}): void {
    if (!this.present(path, value, rule.required)) return;
    if (typeof value !== 'string') return this.add(path, value, 'must be a string');
    // The API counts characters, not UTF-16 code units.
    const len = [...value].length;
    if (rule.min !== undefined && len < rule.min) {
      this.add(path, value, `length ${len} is below the minimum ${rule.min}`);
    }
    if (rule.max !== undefined && len > rule.max) {
      this.add(path, value, `length ${len} exceeds the maximum ${rule.max}`);
    }
    if (rule.pattern !== undefined && !this.regex(rule.pattern, rule.flags).test(value)) {
      this.add(path, value, `must match pattern ${rule.pattern}`);
    }
  }

  integer(
    path: string,
    value: unknown,
    rule: { required?: boolean; min?: number; max?: number; note?: string },
  ): void {
    if (!this.present(path, value, rule.required)) return;
    if (typeof value !== 'number' || !Number.isInteger(value))
      return this.add(path, value, 'must be an integer');
    const note = rule.note ? ` (${rule.note})` : '';
    if (rule.min !== undefined && value < rule.min) this.add(path, value, `must be >= ${rule.min}${note}`);
    if (rule.max !== undefined && value > rule.max) this.add(path, value, `must be <= ${rule.max}${note}`);
  }

  boolean(path: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'boolean') this.add(path, value, 'must be a boolean');
  }

  oneOf(path: string, value: unknown, allowed: readonly string[], required = false): void {
    if (!this.present(path, value, required)) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      const shown =
        allowed.length > 12
          ? `${allowed.slice(0, 12).join(', ')}, ... (${allowed.length} values)`
          : allowed.join(', ');
      this.add(path, value, `must be one of ${shown}`);
    }
  }

  /** Returns the items to check further, or [] when absent/invalid. */
  list<T>(path: string, value: unknown, rule: { required?: boolean; min?: number; max?: number }): T[] {
    if (!this.present(path, value, rule.required)) return [];
    if (!Array.isArray(value)) {
      this.add(path, value, 'must be a list');
      return [];
    }
    if (rule.min !== undefined && value.length < rule.min) {
      this.add(path, value, `has ${value.length} items, minimum is ${rule.min}`);
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.add(path, `(${value.length} items)`, `has ${value.length} items, maximum is ${rule.max}`);
    }
    return value as T[];
  }

  /** String→string map with entry-count, key and value rules. */
  stringMap(
    path: string,
    value: unknown,
    rule: { maxEntries: number; key: StringRule; value: StringRule },
  ): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'object' || Array.isArray(value))
      return this.add(path, value, 'must be a map of strings');
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > rule.maxEntries) {
      this.add(
        path,
        `(${entries.length} entries)`,
        `has ${entries.length} entries, maximum is ${rule.maxEntries}`,
      );
    }
    for (const [k, v] of entries) {
      this.string(`${path} key ${JSON.stringify(k)}`, k, rule.key);
      this.string(`${path}[${JSON.stringify(k)}]`, v, { ...rule.value, required: true });
    }
  }

  unique(path: string, names: unknown[], what: string): void {
    const seen = new Set<unknown>();
    names.forEach((n, i) => {
      if (seen.has(n)) this.add(`${path}[${i}]`, n, `duplicate ${what}; names must be unique within the job`);
      seen.add(n);
    });
  }

  private regex(source: string, flags = ''): RegExp {
    const key = `${flags}/${source}`;
    let re = this.compiled.get(key);
    if (!re) {
      re = new RegExp(`^(?:${source})$`, flags);
      this.compiled.set(key, re);
    }
    return re;
  }
}
