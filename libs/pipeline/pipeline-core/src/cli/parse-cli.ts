import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { BatchUsageError } from '../errors/pipeline-errors';
import { assertRunId } from '../run-id';
import type { BatchCliSpec, ParsedCli } from './cli-spec';
import { findWorkspaceRoot } from './workspace-root';

const MODEL_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Parses a batch's argv (without `node script`). Unknown flags, positionals, missing values and
 * conflicting flags are BatchUsageErrors (exit 2), raised before any config is read.
 */
export function parseCli(
  argv: readonly string[],
  spec: BatchCliSpec,
  cwd: string = process.cwd(),
): ParsedCli {
  const extraNames = (spec.extraOptions ?? []).map((o) => o.name);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        model: { type: 'string' },
        'all-models': { type: 'boolean' },
        'run-id': { type: 'string' },
        env: { type: 'string' },
        'config-dir': { type: 'string' },
        'migrate-only': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        ...Object.fromEntries(extraNames.map((n) => [n, { type: 'string' as const }])),
      },
    }));
  } catch (err) {
    // node:util messages already name the flag ("Unknown option '--modle'").
    throw new BatchUsageError((err as Error).message);
  }
  if (values.help === true) return { help: true };
  if (values['migrate-only'] === true) return { help: false, migrateOnly: migrateOnly(values, cwd) };

  const model = values.model as string | undefined;
  const allModels = values['all-models'] === true;
  if (model !== undefined && allModels)
    throw new BatchUsageError('Give either --model or --all-models, not both');
  if (model === undefined && !allModels)
    throw new BatchUsageError('Missing --model <name> (or --all-models)');
  if (model !== undefined && !MODEL_NAME.test(model))
    throw new BatchUsageError(`Invalid --model ${JSON.stringify(model)}: expected a model name like "iris"`);
  const runId = values['run-id'] as string | undefined;
  if (runId === undefined) throw new BatchUsageError('Missing --run-id <id>');
  const { env, configDir } = envAndConfigDir(values, cwd);

  const extra: Record<string, string> = {};
  for (const name of extraNames) {
    const v = values[name];
    if (typeof v === 'string') {
      if (v === '') throw new BatchUsageError(`--${name} must not be empty`);
      extra[name] = v;
    }
  }
  return {
    help: false,
    options: {
      model,
      allModels,
      env,
      runId: assertRunId(runId),
      configDir,
      noCache: values['no-cache'] === true,
      extra,
    },
  };
}

type Values = Record<string, string | boolean | undefined>;

function envAndConfigDir(values: Values, cwd: string): { env: string; configDir: string } {
  const env = (values.env as string | undefined) ?? 'local';
  if (!/^[a-z][a-z0-9-]*$/.test(env))
    throw new BatchUsageError(
      `Invalid --env ${JSON.stringify(env)}: expected an environment name like "local"`,
    );
  const configDir = (values['config-dir'] as string | undefined) ?? join(findWorkspaceRoot(cwd), 'configs');
  return { env, configDir };
}

/** `--migrate-only` takes only --env and --config-dir: anything else would be silently ignored. */
function migrateOnly(values: Values, cwd: string): { env: string; configDir: string } {
  const others = Object.keys(values).filter(
    (k) => values[k] !== undefined && !['migrate-only', 'env', 'config-dir'].includes(k),
  );
  if (others.length > 0)
    throw new BatchUsageError(
      `--migrate-only takes only --env and --config-dir, not --${others.sort().join(', --')}`,
    );
  return envAndConfigDir(values, cwd);
}
