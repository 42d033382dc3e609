import type { JobKind } from '../state/types';

/** AWS account of the role, so ARNs look like the account's own; names are lower-cased in ARNs. */
export function jobArn(
  kind: JobKind | 'hyper-parameter-tuning',
  name: string,
  roleArn: string,
  region: string,
): string {
  const account = /::(\d{12}):/.exec(roleArn)?.[1] ?? '000000000000';
  return `arn:aws:sagemaker:${region}:${account}:${kind}-job/${name.toLowerCase()}`;
}
