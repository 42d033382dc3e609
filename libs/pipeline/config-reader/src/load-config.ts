import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { PipelineConfigError, ConfigIssue } from './config-error';
import { applyEnvOverrides } from './env-overrides';
import { zodIssuesToConfigIssues } from './format-issues';
import { formatKeyPath, KeyPath } from './key-path';
import { configSchema, ConfigData } from './schema';
import { findPrototypeKeys } from './prototype-keys';
import { findLiteralSecrets, resolveSecretReferences } from './secrets';

export interface LoadConfigOptions {
  /** Environment name: reads `<configDir>/<env>.yaml`. */
  env: string;
  /** Defaults to `./configs` under the current directory. */
  configDir?: string;
  /** Source of `MLOPS__*` overrides and `env:` secret references; defaults to `process.env`. */
  processEnv?: NodeJS.ProcessEnv;
}

export type MlopsConfig = ConfigData & {
  env: string;
  /** Absolute path of the YAML file that was read. */
  file: string;
  /** Relative paths in the file (sqlite path, stateDir, reportDir) are resolved against this dir. */
  baseDir: string;
};

/** Reads, overrides, validates and resolves one environment's config. Throws PipelineConfigError (exit code 2). */
export function loadConfig(options: LoadConfigOptions): MlopsConfig {
  const configDir = path.resolve(options.configDir ?? 'configs');
  const processEnv = options.processEnv ?? process.env;
  const { env } = options;
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(env)) {
    throw new PipelineConfigError(
      `Invalid environment name ${JSON.stringify(env)} for ${configDir}: expected e.g. "local", "dev", "prod"`,
    );
  }
  const file = path.join(configDir, `${env}.yaml`);
  if (!existsSync(file)) {
    const known = listEnvironments(configDir);
    throw new PipelineConfigError(
      `No config for environment "${env}": ${file} does not exist` +
        (known.length > 0
          ? ` (known environments: ${known.join(', ')})`
          : ` (no *.yaml files in ${configDir})`),
    );
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(readText(file), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new PipelineConfigError(
      `Invalid YAML in ${file}`,
      doc.errors.map((e) => ({
        file,
        path: '',
        line: lineCounter.linePos(e.pos[0]).line,
        message: `${e.code}: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  // Before toJS: a `__proto__` key would be dropped there without a trace.
  const prototypeKeys = findPrototypeKeys(doc.contents, lineCounter, file);
  if (prototypeKeys.length > 0) throw new PipelineConfigError(`Invalid config in ${file}`, prototypeKeys);
  const raw = toJS(doc, file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new PipelineConfigError(`Invalid config in ${file}`, [
      {
        file,
        path: '',
        message: `expected a mapping at the top level, got ${raw === null ? 'an empty document' : typeof raw}`,
      },
    ]);
  }

  const issues: ConfigIssue[] = findLiteralSecrets(raw, file).map((i) => ({
    ...i,
    line: lineOf(doc.contents, lineCounter, i.path.split('.')),
  }));
  const overrides = applyEnvOverrides(raw as Record<string, unknown>, processEnv, file);
  issues.push(...overrides.issues);

  const overrideByPath = new Map(overrides.applied.map((o) => [o.path, o.envVar]));
  const locate = (p: KeyPath): { line?: number; envVar?: string } => {
    const envVar = overrideByPath.get(formatKeyPath(p));
    return envVar !== undefined ? { envVar } : { line: lineOf(doc.contents, lineCounter, p) };
  };
  const parsed = configSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) issues.push(...zodIssuesToConfigIssues(parsed.error.issues, file, locate));
  if (issues.length > 0 || !parsed.success) {
    throw new PipelineConfigError(
      `Invalid config for environment "${env}" (${issues.length} problem(s))`,
      issues,
    );
  }

  const data = parsed.data;
  const secrets = resolveSecretReferences(data, processEnv, file);
  if (secrets.issues.length > 0) {
    throw new PipelineConfigError(
      `Unresolved secret reference(s) in config for environment "${env}"`,
      secrets.issues,
    );
  }

  const baseDir = path.dirname(configDir);
  if (data.db.type === 'sqlite') data.db.path = path.resolve(baseDir, data.db.path);
  data.local.stateDir = path.resolve(baseDir, data.local.stateDir);
  data.reportDir = path.resolve(baseDir, data.reportDir);
  return { ...data, env, file, baseDir };
}

/** The file's text; a directory or an unreadable file is a one-line PipelineConfigError naming it. */
function readText(file: string): string {
  try {
    if (statSync(file).isDirectory())
      throw new PipelineConfigError(`Cannot read config ${file}: it is a directory`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof PipelineConfigError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new PipelineConfigError(`Cannot read config ${file}: ${err.code ?? err.message}`);
  }
}

/** yaml refuses alias expansion beyond its maxAliasCount (a "billion laughs" bomb): say which file. */
function toJS(doc: ReturnType<typeof parseDocument>, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new PipelineConfigError(`Invalid YAML in ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Environments available in a config dir (file names without `.yaml`). */
export function listEnvironments(configDir: string): string[] {
  if (!existsSync(configDir)) return [];
  return readdirSync(configDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Line of the deepest existing node on `keyPath` (the parent's line for a missing key). */
function lineOf(root: unknown, lc: LineCounter, keyPath: KeyPath): number | undefined {
  let node = root as Node | null | undefined;
  let line: number | undefined;
  for (const seg of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lc.linePos(keyNode.range[0]).line;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node | undefined;
      if (node?.range) line = lc.linePos(node.range[0]).line;
    } else {
      break;
    }
  }
  return line;
}
