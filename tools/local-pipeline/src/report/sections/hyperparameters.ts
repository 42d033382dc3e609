import type { ArtifactRow } from '@mlops/db';
import { escapeHtml as e } from '../html-escape';

/** The hyperparameters the model of this run was trained with (recorded on its model artifact). */
export function renderHyperparameters(artifacts: readonly ArtifactRow[]): string {
  const model = artifacts.find((a) => a.kind === 'model');
  const hps = model?.metadata?.hyperparameters;
  if (!hps || typeof hps !== 'object') return '<p class="muted">No hyperparameters recorded.</p>';
  const entries = Object.entries(hps as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return `<table class="hyperparameters"><tr><th>Hyperparameter</th><th>Value</th></tr>${entries
    .map(([k, v]) => `<tr><td><code>${e(k)}</code></td><td><code>${e(v)}</code></td></tr>`)
    .join('')}</table>`;
}
