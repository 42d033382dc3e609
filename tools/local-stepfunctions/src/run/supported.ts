import { AslDefinition, allStates } from '../template/state-machines';
import { SUPPORTED_RESOURCES } from '../tasks/task-handlers';

/** State types the local run executes and its tests cover (Parallel is not used by infra, so not claimed). */
export const SUPPORTED_TYPES: readonly string[] = [
  'Pass',
  'Task',
  'Choice',
  'Wait',
  'Succeed',
  'Fail',
  'Map',
];

/** Intrinsic functions covered by the tests (aws-local-stepfunctions implements them). */
export const SUPPORTED_INTRINSICS: readonly string[] = [
  'States.Array',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.Format',
  'States.JsonToString',
  'States.MathAdd',
  'States.StringSplit',
  'States.StringToJson',
];

/**
 * What in `definition` the local run does not support, one line each naming the state: unknown state
 * types, Task resources without a local handler, intrinsic functions, JSONata. Empty = runnable.
 */
export function unsupportedFeatures(definition: AslDefinition): string[] {
  const problems: string[] = [];
  if (definition.QueryLanguage === 'JSONata')
    problems.push('QueryLanguage JSONata (only JSONPath is supported)');
  for (const [name, state] of allStates(definition)) {
    if (!SUPPORTED_TYPES.includes(state.Type)) problems.push(`state "${name}": type ${state.Type}`);
    if (state.QueryLanguage === 'JSONata') problems.push(`state "${name}": QueryLanguage JSONata`);
    const processor = state.ItemProcessor as { ProcessorConfig?: { Mode?: string } } | undefined;
    if (state.ItemReader || state.ResultWriter || processor?.ProcessorConfig?.Mode === 'DISTRIBUTED')
      problems.push(`state "${name}": distributed Map (only inline Maps run locally)`);
    if (state.Type === 'Task' && !SUPPORTED_RESOURCES.includes(String(state.Resource)))
      problems.push(`state "${name}": Task resource ${String(state.Resource)} has no local handler`);
    for (const fn of intrinsicsIn(state))
      if (!SUPPORTED_INTRINSICS.includes(fn)) problems.push(`state "${name}": intrinsic function ${fn}`);
  }
  return [...new Set(problems)];
}

/** Intrinsic function names in the state's own fields (not those of states nested in a Map). */
function intrinsicsIn(state: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const m of v.matchAll(/States\.[A-Za-z]+(?=\()/g)) found.add(m[0]);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const [k, v] of Object.entries(state)) if (k !== 'ItemProcessor' && k !== 'Iterator') walk(v);
  return [...found];
}
