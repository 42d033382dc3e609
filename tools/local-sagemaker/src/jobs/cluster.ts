import type { Channel, CreateTrainingJobRequest } from './requests';

/** One training host: `algo-N`, its instance group and instance type. */
export interface ClusterHost {
  host: string;
  group: string;
  instanceType: string;
}

/** SageMaker's name for the one group of a job without `InstanceGroups`. */
export const HOMOGENEOUS_GROUP = 'homogeneousCluster';

/** The job's hosts, numbered `algo-1..N` across the instance groups in request order (a job without
 *  `InstanceGroups` is one group). */
export function trainingCluster(res: CreateTrainingJobRequest['ResourceConfig']): ClusterHost[] {
  const groups = res.InstanceGroups ?? [
    {
      InstanceGroupName: HOMOGENEOUS_GROUP,
      InstanceType: res.InstanceType ?? '',
      InstanceCount: res.InstanceCount ?? 0,
    },
  ];
  let n = 0;
  return groups.flatMap((g) =>
    Array.from({ length: g.InstanceCount }, () => ({
      host: `algo-${++n}`,
      group: g.InstanceGroupName,
      instanceType: g.InstanceType,
    })),
  );
}

/** `instance_groups` of resourceconfig.json: each group with its type and hosts. */
export function instanceGroups(cluster: ClusterHost[]) {
  const groups = new Map<string, { instance_group_name: string; instance_type: string; hosts: string[] }>();
  for (const h of cluster) {
    const g = groups.get(h.group) ?? {
      instance_group_name: h.group,
      instance_type: h.instanceType,
      hosts: [],
    };
    g.hosts.push(h.host);
    groups.set(h.group, g);
  }
  return [...groups.values()];
}

/** Whether a channel goes to the host: every host, unless the channel names instance groups. */
export function channelReaches(ch: Channel, host: ClusterHost): boolean {
  const groups = ch.DataSource.S3DataSource?.InstanceGroupNames;
  return !groups || groups.length === 0 || groups.includes(host.group);
}
