import { z } from 'zod';

// The `tuning` section under a model's `training`: asks the training batch for a hyperparameter tuning
// job instead of one training job. Shapes and bounds here; the SageMaker request built from it is then
// validated against @mlops/contract's generated rules (pipeline-core tuningSpecFor → prepareTuningJob)
// before any call. Names follow CreateHyperParameterTuningJob, in the config's camelCase.

const hyperparameterName = z.string().min(1).max(256);
const scaling = z.enum(['auto', 'linear', 'log']).default('auto');

const integerRange = z.strictObject({
  name: hyperparameterName,
  type: z.literal('integer'),
  min: z.number().int(),
  max: z.number().int(),
  scaling,
});

const continuousRange = z.strictObject({
  name: hyperparameterName,
  type: z.literal('continuous'),
  min: z.number(),
  max: z.number(),
  scaling,
});

const categoricalRange = z.strictObject({
  name: hyperparameterName,
  type: z.literal('categorical'),
  values: z
    .array(z.union([z.string().min(1).max(256), z.number(), z.boolean()]))
    .min(1)
    .max(30),
});

const parameterRange = z
  .discriminatedUnion('type', [integerRange, continuousRange, categoricalRange])
  .superRefine((r, ctx) => {
    if (r.type === 'categorical') return;
    if (!(r.min < r.max))
      ctx.addIssue({ code: 'custom', path: ['min'], input: r.min, message: `must be below max ${r.max}` });
    if (r.scaling === 'log' && r.min <= 0)
      ctx.addIssue({ code: 'custom', path: ['min'], input: r.min, message: 'log scaling needs min > 0' });
  });

export const tuningSchema = z
  .strictObject({
    strategy: z.enum(['Random', 'Grid']),
    /** Random: how many trials. Grid: omit (one trial per combination of the categorical values). */
    maxNumberOfTrainingJobs: z.number().int().min(1).max(500).optional(),
    maxParallelTrainingJobs: z.number().int().min(1).max(100).default(1),
    /** Fixes the Random strategy's draws, so a rerun proposes the same trials. */
    randomSeed: z.number().int().min(0).optional(),
    objective: z.strictObject({
      /** One of the model's training.metricDefinitions. */
      metric: z.string().min(1).max(255),
      type: z.enum(['Maximize', 'Minimize']),
    }),
    parameterRanges: z.array(parameterRange).min(1).max(30),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.parameterRanges.forEach((r, i) => {
      if (seen.has(r.name))
        ctx.addIssue({
          code: 'custom',
          path: ['parameterRanges', i, 'name'],
          input: r.name,
          message: 'has more than one range',
        });
      seen.add(r.name);
    });
    if (t.strategy === 'Random' && t.maxNumberOfTrainingJobs === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['maxNumberOfTrainingJobs'],
        input: undefined,
        message: 'required for the Random strategy (how many trials)',
      });
    const numeric = t.parameterRanges.find((r) => r.type !== 'categorical');
    if (t.strategy === 'Grid' && numeric)
      ctx.addIssue({
        code: 'custom',
        path: ['parameterRanges', t.parameterRanges.indexOf(numeric), 'type'],
        input: numeric.type,
        message: 'the Grid strategy takes categorical ranges only',
      });
  });

export type TuningConfig = z.output<typeof tuningSchema>;
export type ParameterRangeConfig = TuningConfig['parameterRanges'][number];

/** Cross-field rule of a training section with tuning: the objective must be a metric the jobs report. */
export function checkTuningObjective(
  training: { metricDefinitions: { name: string }[]; tuning?: TuningConfig },
  ctx: z.RefinementCtx,
): void {
  if (!training.tuning) return;
  const names = training.metricDefinitions.map((m) => m.name);
  if (!names.includes(training.tuning.objective.metric))
    ctx.addIssue({
      code: 'custom',
      path: ['tuning', 'objective', 'metric'],
      input: training.tuning.objective.metric,
      message: `must be one of training.metricDefinitions (${names.join(', ') || 'none'})`,
    });
}
