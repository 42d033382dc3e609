import type { MlopsConfig } from '@mlops/config-reader';
import type { Problem } from './problem';

/**
 * Every model's `s3Prefixes` are usable key prefixes and distinct: no prefix equals or contains another
 * (of the same model or another), so no batch reads or overwrites what another one writes.
 */
export function checkPrefixes(config: MlopsConfig, models: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const seen: { field: string; value: string; key: string }[] = [];
  // All configured models, not only the selected ones: another model's later run would collide too.
  for (const model of Object.keys(config.models).sort()) {
    for (const [kind, value] of Object.entries(config.models[model].s3Prefixes)) {
      const field = `models.${model}.s3Prefixes.${kind}`;
      const segments = value.split('/').filter((s) => s !== '');
      if (segments.some((s) => s === '.' || s === '..')) {
        if (models.includes(model))
          problems.push({
            file: config.file,
            field,
            value,
            message: 'a key prefix may not have "." or ".." segments; write it like "iris/raw/"',
          });
        continue;
      }
      const key = `${segments.join('/')}/`;
      const other = seen.find((s) => key.startsWith(s.key) || s.key.startsWith(key));
      if (other && (models.includes(model) || models.some((m) => other.field.startsWith(`models.${m}.`))))
        problems.push({
          file: config.file,
          field,
          value,
          message:
            `${other.key === key ? 'is the same prefix as' : 'overlaps'} ${other.field} ("${other.value}"); ` +
            'give each model and kind its own prefix, e.g. "<model>/<kind>/"',
        });
      seen.push({ field, value, key });
    }
  }
  return problems;
}
