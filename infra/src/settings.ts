/**
 * Per-environment deployment settings, from CDK context (`cdk.json` → `mlops.<env>`, overridable with
 * `-c`). What the batches themselves read stays in `configs/<env>.yaml`; these are the settings only
 * infrastructure has (schedule, retention, capacity, network, CI identity).
 */
export interface EnvSettings {
  env: string;
  /** Tag of every image in the task definitions and model overrides (the image publisher's short SHA). */
  imageTag: string;
  /** EventBridge Scheduler expression, e.g. `cron(0 3 * * ? *)`; `none` for no schedule. */
  schedule: string;
  scheduleTimezone: string;
  logRetentionDays: number;
  /** Aurora Serverless v2 capacity range in ACUs. */
  dbMinCapacity: number;
  dbMaxCapacity: number;
  /** Import this VPC (needs credentials at synth: `Vpc.fromLookup`) instead of creating one. */
  vpcId?: string;
  /** `owner/name` of the GitHub repository allowed to assume the CI roles. */
  githubRepository: string;
  /** Keep data (bucket, database) when the stack is deleted. */
  retainData: boolean;
}

type Raw = Record<string, unknown>;

const ENV_NAME = /^[a-z][a-z0-9-]{0,15}$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Validates the context of one environment; errors name the context key and the value. */
export function readSettings(context: (key: string) => unknown): EnvSettings {
  const env = context('env');
  if (typeof env !== 'string' || !ENV_NAME.test(env))
    throw new Error(`context env: expected an environment name like "dev", got ${JSON.stringify(env)}`);
  const all = context('mlops') as Raw | undefined;
  const raw = all?.[env] as Raw | undefined;
  if (!raw || typeof raw !== 'object')
    throw new Error(
      `context mlops.${env}: no settings for environment "${env}" (add them to infra/cdk.json)`,
    );
  const at = (key: string) => `context mlops.${env}.${key}`;
  const str = (key: string, re: RegExp, what: string): string => {
    const v = raw[key];
    if (typeof v !== 'string' || !re.test(v))
      throw new Error(`${at(key)}: expected ${what}, got ${JSON.stringify(v)}`);
    return v;
  };
  const num = (key: string, ok: (n: number) => boolean, what: string): number => {
    const v = raw[key];
    if (typeof v !== 'number' || !ok(v))
      throw new Error(`${at(key)}: expected ${what}, got ${JSON.stringify(v)}`);
    return v;
  };
  const imageTag = context('imageTag');
  if (typeof imageTag !== 'string' || !IMAGE_TAG.test(imageTag))
    throw new Error(
      `context imageTag: expected an image tag (the pushed short SHA, -c imageTag=...), got ${JSON.stringify(imageTag)}`,
    );
  const dbMinCapacity = num(
    'dbMinCapacity',
    (n) => n >= 0 && n <= 256 && n * 2 === Math.round(n * 2),
    'ACUs 0..256 in steps of 0.5',
  );
  const dbMaxCapacity = num(
    'dbMaxCapacity',
    (n) => n >= Math.max(1, dbMinCapacity) && n <= 256 && n * 2 === Math.round(n * 2),
    `ACUs ${Math.max(1, dbMinCapacity)}..256 in steps of 0.5`,
  );
  const vpcId =
    raw.vpcId === undefined || raw.vpcId === null
      ? undefined
      : str('vpcId', /^vpc-[0-9a-f]{8,17}$/, 'a VPC id (vpc-...)');
  const retainData = raw.retainData;
  if (typeof retainData !== 'boolean')
    throw new Error(`${at('retainData')}: expected true or false, got ${JSON.stringify(retainData)}`);
  return {
    env,
    imageTag,
    schedule: str(
      'schedule',
      /^(none|cron\(.+\)|rate\(.+\)|at\(.+\))$/,
      'none, cron(...), rate(...) or at(...)',
    ),
    scheduleTimezone: str(
      'scheduleTimezone',
      /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/,
      'an IANA time zone like "UTC" or "Europe/Paris"',
    ),
    logRetentionDays: num(
      'logRetentionDays',
      (n) => RETENTION_DAYS.includes(n),
      `one of ${RETENTION_DAYS.join(', ')}`,
    ),
    dbMinCapacity,
    dbMaxCapacity,
    ...(vpcId ? { vpcId } : {}),
    githubRepository: str('githubRepository', /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'owner/name'),
    retainData,
  };
}
