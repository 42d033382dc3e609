import type { JobPlan } from '../specs/job-plan';

/** Tag whose value is the run id (specs/job-tags): run-specific by definition. */
const RUN_ID_TAG = 'mlops:run-id';
const RUN_SEGMENT = '{run}';

export interface NormalisedRequest {
  /** The SDK request with the job name, the run-id tag and input URIs removed and the run segment of every S3 location replaced. */
  request: unknown;
  /** Input (channel) name → the S3 URI the request reads; the key uses their content, not their location. */
  inputs: Record<string, string>;
}

/**
 * The request exactly as runJob sends it (the plan's prepared input), made run-independent: two runs with the
 * same settings give the same value. Inputs are taken out because the key covers their content: an
 * input in another run's prefix (an earlier model version) with the same bytes is the same input.
 */
export function normaliseRequest(plan: JobPlan, runId: string): NormalisedRequest {
  const inputs: Record<string, string> = {};
  let request: Record<string, unknown>;
  if (plan.kind === 'training') {
    const r = structuredClone(plan.request) as unknown as Record<string, unknown>;
    delete r.TrainingJobName;
    for (const ch of (r.InputDataConfig ?? []) as Array<{
      ChannelName?: string;
      DataSource?: { S3DataSource?: { S3Uri?: string } };
    }>) {
      const s3 = ch.DataSource?.S3DataSource;
      if (s3?.S3Uri !== undefined && ch.ChannelName !== undefined) {
        inputs[ch.ChannelName] = s3.S3Uri;
        delete s3.S3Uri;
      }
    }
    request = r;
  } else {
    const r = structuredClone(plan.request) as unknown as Record<string, unknown>;
    delete r.ProcessingJobName;
    for (const input of (r.ProcessingInputs ?? []) as Array<{
      InputName?: string;
      S3Input?: { S3Uri?: string };
    }>) {
      if (input.S3Input?.S3Uri !== undefined && input.InputName !== undefined) {
        inputs[input.InputName] = input.S3Input.S3Uri;
        delete input.S3Input.S3Uri;
      }
    }
    request = r;
  }
  if (Array.isArray(request.Tags))
    request.Tags = (request.Tags as Array<{ Key?: string }>).filter((t) => t.Key !== RUN_ID_TAG);
  return { request: withoutRunSegment(request, runId), inputs };
}

/** Every `/<run-id>/` path segment (s3-layout inserts one per prefix) becomes `/{run}/`. */
function withoutRunSegment(value: unknown, runId: string): unknown {
  if (typeof value === 'string') return value.split(`/${runId}/`).join(`/${RUN_SEGMENT}/`);
  if (Array.isArray(value)) return value.map((v) => withoutRunSegment(v, runId));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, withoutRunSegment(v, runId)]),
    );
  return value;
}
