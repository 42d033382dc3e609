import type { Tag } from '@aws-sdk/client-sagemaker';

/** Tags on every job so AWS cost reports and consoles can be filtered by model, team, run and batch. */
export function jobTags(t: { model: string; team: string; runId: string; batch: string }): Tag[] {
  return [
    { Key: 'mlops:model', Value: t.model },
    { Key: 'mlops:team', Value: t.team },
    { Key: 'mlops:run-id', Value: t.runId },
    { Key: 'mlops:batch', Value: t.batch },
  ];
}
