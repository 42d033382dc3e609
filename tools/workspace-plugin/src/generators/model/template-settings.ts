import type { TemplateSettings } from '../../configs/model-section';

/**
 * What the generated app (files/app) needs in its config sections. Kept next to the template: the
 * hyperparameter names, the metric the training job logs and the evaluation metric the threshold
 * gates on must match src/jobs/{hyperparameters,training,evaluation}.ts there.
 */
export const TEMPLATE_SETTINGS: TemplateSettings = {
  task: 'classification',
  hyperparameters: { epochs: 300, learningRate: 0.5, l2: 0.001 },
  metricDefinitions: [{ name: 'validation:accuracy', regex: 'validation:accuracy=([0-9.eE+-]+)' }],
  thresholds: ['accuracy >= 0.9'],
};
