import type { CheckOptions, ServiceRuleOptions, Violation } from '@mlops/contract';

/** SDK local mode's instance types: `local`, and `local_gpu` which adds `--gpus all`. */
export const LOCAL_INSTANCE_TYPES = ['local', 'local_gpu'];
const isFileUri = (v: unknown) => typeof v === 'string' && /^file:\/\/.+/.test(v);
const isLocalType = (v: unknown) => typeof v === 'string' && LOCAL_INSTANCE_TYPES.includes(v);

/** What the local stack accepts beyond the model, as SDK local mode does (PARITY.md "local extension" rows):
 *  `file://` data used in place, the `local`/`local_gpu` instance types and the `FileDataSource` channel. */
export const LOCAL_EXTENSIONS: CheckOptions & ServiceRuleOptions = {
  accept: { S3Uri: isFileUri, TrainingInstanceType: isLocalType, ProcessingInstanceType: isLocalType },
  extraDataSources: ['FileDataSource'],
};

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] =>
  Array.isArray(v) ? (v as Obj[]).filter((x) => typeof x === 'object' && x !== null) : [];

/** Checks of what the extensions bring, and of what the local stack must be able to rely on (a metric regex it
 *  compiles, LocalPaths that stay in their folder and do not collide). */
export function checkLocalRules(operation: string, body: Obj): Violation[] {
  if (operation === 'CreateTrainingJob') return trainingRules(body);
  if (operation === 'CreateProcessingJob') return processingRules(body);
  return [];
}

function trainingRules(body: Obj): Violation[] {
  const out: Violation[] = [];
  list(body.InputDataConfig).forEach((ch, i) => {
    const file = (ch.DataSource as Obj | undefined)?.FileDataSource as Obj | undefined;
    if (file && !isFileUri(file.FileUri))
      out.push({
        path: `inputDataConfig.${i + 1}.member.dataSource.fileDataSource.fileUri`,
        value: file.FileUri ?? null,
        constraint: 'Member must satisfy regular expression pattern: file://.+',
      });
  });
  const res = body.ResourceConfig as Obj | undefined;
  if (res?.InstanceType === 'local_gpu' && typeof res.InstanceCount === 'number' && res.InstanceCount > 1)
    out.push({
      path: 'resourceConfig.instanceCount',
      value: res.InstanceCount,
      constraint: 'Distributed Training in Local GPU is not supported',
    });
  const algo = body.AlgorithmSpecification as Obj | undefined;
  list(algo?.MetricDefinitions).forEach((m, i) => {
    if (typeof m.Regex !== 'string') return;
    try {
      new RegExp(m.Regex);
    } catch (err) {
      out.push({
        path: `algorithmSpecification.metricDefinitions.${i + 1}.member.regex`,
        value: m.Regex,
        constraint: `Member must be a valid regular expression (${(err as Error).message})`,
      });
    }
  });
  return out;
}

function processingRules(body: Obj): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  const paths = [
    ...list(body.ProcessingInputs).map((x, i) => [
      `processingInputs.${i + 1}.member.s3Input.localPath`,
      x.S3Input,
    ]),
    ...list((body.ProcessingOutputConfig as Obj | undefined)?.Outputs).map((x, i) => [
      `processingOutputConfig.outputs.${i + 1}.member.s3Output.localPath`,
      x.S3Output,
    ]),
  ] as [string, Obj | undefined][];
  for (const [path, s3] of paths) {
    const local = s3?.LocalPath;
    if (typeof local !== 'string') continue;
    if (local.split('/').includes('..'))
      out.push({ path, value: local, constraint: "Member must not contain '..'" });
    if (seen.has(local))
      out.push({ path, value: local, constraint: 'Member must be unique among inputs and outputs' });
    seen.add(local);
  }
  return out;
}
