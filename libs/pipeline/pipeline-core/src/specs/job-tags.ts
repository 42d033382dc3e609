/** Tags on every job so AWS cost reports and consoles can be filtered by model, team, run and batch. */
export function jobTags(t: {
  model: string;
  team: string;
  runId: string;
  batch: string;
}): Record<string, string> {
  return { 'mlops:model': t.model, 'mlops:team': t.team, 'mlops:run-id': t.runId, 'mlops:batch': t.batch };
}
