import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Grant, Scope } from './sdk-operations';

/** Where a scope points in one stack: resource ARNs and, when ARNs cannot narrow it, conditions. */
export interface ScopeTarget {
  resources: string[];
  conditions?: Record<string, Record<string, string | readonly string[]>>;
}

export type ScopeResolver = (scope: Scope) => ScopeTarget;

/** One statement per scope, actions sorted and deduplicated, so the policy reads like the table. */
export function statementsFor(grants: readonly Grant[], resolve: ScopeResolver): PolicyStatement[] {
  const byScope = new Map<Scope, Set<string>>();
  for (const g of grants) {
    const set = byScope.get(g.scope) ?? new Set<string>();
    for (const a of g.actions) set.add(a);
    byScope.set(g.scope, set);
  }
  return [...byScope.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([scope, actions]) => {
      const target = resolve(scope);
      return new PolicyStatement({
        sid: sidOf(scope),
        actions: [...actions].sort(),
        resources: target.resources,
        ...(target.conditions ? { conditions: target.conditions } : {}),
      });
    });
}

const sidOf = (scope: string): string =>
  scope.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
