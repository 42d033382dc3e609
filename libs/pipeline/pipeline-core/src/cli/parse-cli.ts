import { join } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgv } from '@mlops/contract';
import { BatchUsageError } from '../errors/pipeline-errors';
import { assertRunId } from '../run-id';
import { BatchCliSpec, COMMON_OPTIONS, CommonOption, LAST_OPTIONS, ParsedCli } from './cli-spec';
import { findWorkspaceRoot } from './workspace-root';

const MODEL_NAME = /^[a-z][a-z0-9-]*$/;
const ENV_NAME = /^[a-z][a-z0-9-]*$/;

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
  const options: ParseArgsOptionsConfig = Object.fromEntries([
    ...[...COMMON_OPTIONS, ...LAST_OPTIONS].map((o) => [o.name, parseArgsOption(o)]),
    ...extraNames.map((n) => [n, { type: 'string' as const }]),
  ]);
  const { values } = parseArgv(argv, { options }, (m) => new BatchUsageError(m));
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

function parseArgsOption(o: CommonOption): ParseArgsOptionsConfig[string] {
  return o.short === undefined ? { type: o.type } : { type: o.type, short: o.short };
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function envAndConfigDir(values: Values, cwd: string): { env: string; configDir: string } {
  const env = (values.env as string | undefined) ?? 'local';
  if (!ENV_NAME.test(env))
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
