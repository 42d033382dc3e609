import { callApi } from '../api-client';
import { ParsedArgs } from '../args';
import { requireDiscovery } from '../../state/discovery';
import { stateDirOf } from '../options';

interface Summary {
  Name: string;
  Kind: string;
  Status: string;
  Detail: string;
  Created: number;
}

/** Every training and processing job, oldest first. */
export async function jobsCommand(args: ParsedArgs): Promise<number> {
  const api = requireDiscovery(stateDirOf(args));
  const rows: Summary[] = [];
  for (const kind of ['Training', 'Processing']) {
    let token: string | undefined;
    do {
      const page = await callApi<Record<string, unknown>>(api, `SageMaker.List${kind}Jobs`, {
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      });
      for (const s of page[`${kind}JobSummaries`] as Record<string, unknown>[]) {
        rows.push({
          Name: String(s[`${kind}JobName`]),
          Kind: kind.toLowerCase(),
          Status: String(s[`${kind}JobStatus`]),
          Detail: String(s.SecondaryStatus ?? s.FailureReason ?? ''),
          Created: Number(s.CreationTime),
        });
      }
      token = page.NextToken as string | undefined;
    } while (token);
  }
  rows.sort((a, b) => a.Created - b.Created);
  const width = Math.max(4, ...rows.map((r) => r.Name.length));
  console.log(`${'NAME'.padEnd(width)}  KIND        STATUS      CREATED                   DETAIL`);
  for (const r of rows)
    console.log(
      `${r.Name.padEnd(width)}  ${r.Kind.padEnd(10)}  ${r.Status.padEnd(10)}  ${new Date(r.Created * 1000).toISOString()}  ${r.Detail.split('\n')[0].slice(0, 60)}`,
    );
  return 0;
}
