/** What the template needs in a model's config section; the rest comes from the environment file. */
export interface TemplateSettings {
  task: 'classification' | 'regression';
  hyperparameters: Record<string, string | number | boolean>;
  metricDefinitions: { name: string; regex: string }[];
  thresholds: string[];
}

interface Compute {
  instanceType: string;
  instanceCount: number;
  volumeSizeInGB: number;
  maxRuntimeInSeconds: number;
}

/** Values when there is no model to copy compute settings from. */
const DEFAULT_TRAINING: Compute = {
  instanceType: 'ml.m5.large',
  instanceCount: 1,
  volumeSizeInGB: 10,
  maxRuntimeInSeconds: 600,
};
const DEFAULT_PROCESSING: Compute = { ...DEFAULT_TRAINING, instanceType: 'ml.t3.medium' };

/**
 * A model file's own keys (libs/pipeline/config-reader schema). Compute sizes and the image registry follow
 * a model already in configs/models/ (`sibling`); model-specific values come from the template.
 */
export function modelSection(
  name: string,
  team: string,
  template: TemplateSettings,
  sibling: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const training = pickCompute(sibling?.['training'], DEFAULT_TRAINING);
  const processing = pickCompute(sibling?.['processing'], DEFAULT_PROCESSING);
  return {
    team,
    task: template.task,
    image: imageFor(name, sibling?.['image']),
    source: `builtin:${name}`,
    training: {
      ...training,
      hyperparameters: { ...template.hyperparameters },
      metricDefinitions: template.metricDefinitions.map((m) => ({ ...m })),
    },
    processing,
    evaluation: { thresholds: [...template.thresholds] },
    s3Prefixes: Object.fromEntries(
      ['raw', 'processed', 'models', 'evaluation', 'inference'].map((k) => [k, `${name}/${k}/`]),
    ),
  };
}

const COMPUTE_KEYS = ['instanceType', 'instanceCount', 'volumeSizeInGB', 'maxRuntimeInSeconds'] as const;

/**
 * The sibling's `env.<name>` sections for this model: its image registry and tag with this model's
 * repository, and the compute keys it overrides (nothing model-specific). Only known environments.
 */
export function envOverrides(
  name: string,
  siblingEnv: unknown,
  envs: readonly string[],
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  if (!isRecord(siblingEnv)) return out;
  for (const env of envs) {
    const section = siblingEnv[env];
    if (!isRecord(section)) continue;
    const own: Record<string, unknown> = {};
    if (typeof section['image'] === 'string') own['image'] = imageFor(name, section['image']);
    for (const kind of ['training', 'processing']) {
      const compute = section[kind];
      if (!isRecord(compute)) continue;
      const picked = Object.fromEntries(COMPUTE_KEYS.filter((k) => k in compute).map((k) => [k, compute[k]]));
      if (Object.keys(picked).length > 0) own[kind] = picked;
    }
    if (Object.keys(own).length > 0) out[env] = own;
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** `123.dkr.ecr.eu-west-1.amazonaws.com/container-iris:latest` → same registry and tag, this model. */
export function imageFor(name: string, siblingImage: unknown): string {
  const own = `container-${name}`;
  if (typeof siblingImage !== 'string') return `${own}:latest`;
  const m = /^(.*\/)?container-[a-z0-9-]+(:[^/]+)?$/.exec(siblingImage);
  return m ? `${m[1] ?? ''}${own}${m[2] ?? ':latest'}` : `${own}:latest`;
}

function pickCompute(value: unknown, fallback: Compute): Compute {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof Compute, unknown>>;
  const str = (x: unknown, d: string) => (typeof x === 'string' ? x : d);
  const num = (x: unknown, d: number) => (typeof x === 'number' ? x : d);
  return {
    instanceType: str(v.instanceType, fallback.instanceType),
    instanceCount: num(v.instanceCount, fallback.instanceCount),
    volumeSizeInGB: num(v.volumeSizeInGB, fallback.volumeSizeInGB),
    maxRuntimeInSeconds: num(v.maxRuntimeInSeconds, fallback.maxRuntimeInSeconds),
  };
}
