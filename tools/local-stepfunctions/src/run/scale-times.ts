import type { AslDefinition, AslState } from '../template/state-machines';

/**
 * A copy of `definition` whose waits take `scale` times as long: Retry `IntervalSeconds` (the backoff
 * rate still applies) and Wait `Seconds`. Wait `SecondsPath` reads its value at run time, so the caller
 * overrides those (see runMachine). 1 = as written; 0 = no waiting (tests).
 */
export function scaleTimes(definition: AslDefinition, scale: number): AslDefinition {
  // A JSON copy, not structuredClone: under Jest that makes objects of another realm, which the
  // library's payload templates do not take for plain objects.
  const copy = JSON.parse(JSON.stringify(definition)) as AslDefinition;
  const walk = (d: { States?: Record<string, AslState> }) => {
    for (const state of Object.values(d.States ?? {})) {
      for (const r of (state.Retry as { IntervalSeconds?: number }[] | undefined) ?? [])
        r.IntervalSeconds = (r.IntervalSeconds ?? 1) * scale;
      if (state.Type === 'Wait' && typeof state.Seconds === 'number') state.Seconds = state.Seconds * scale;
      for (const inner of [state.ItemProcessor, state.Iterator]) if (inner) walk(inner as AslDefinition);
    }
  };
  walk(copy);
  return copy;
}
