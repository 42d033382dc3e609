import { readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { PipelineConfigError } from './config-error';
import { KeyPath } from './key-path';
import { findPrototypeKeys } from './prototype-keys';

/** One parsed YAML config file: its tree (for line numbers) and its plain top-level mapping. */
export interface YamlFile {
  file: string;
  root: unknown;
  lineCounter: LineCounter;
  raw: Record<string, unknown>;
}

/**
 * Reads and parses a config file (the environment's or a model's). Unreadable files, invalid YAML,
 * prototype keys and a non-mapping top level are a PipelineConfigError naming the file. `pathPrefix` puts the
 * file's keys where they land in the merged config (`models.iris.`).
 */
export function readYamlFile(file: string, pathPrefix = ''): YamlFile {
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
  if (prototypeKeys.length > 0)
    throw new PipelineConfigError(
      `Invalid config in ${file}`,
      prototypeKeys.map((i) => ({ ...i, path: `${pathPrefix}${i.path}` })),
    );
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
  return { file, root: doc.contents, lineCounter, raw: raw as Record<string, unknown> };
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

/**
 * Line of the deepest existing node on `keyPath` (the parent's line for a missing key), and whether the
 * whole path exists.
 */
export function locateIn(y: YamlFile, keyPath: KeyPath): { line?: number; found: boolean } {
  let node = y.root as Node | null | undefined;
  let line: number | undefined;
  let depth = 0;
  for (const seg of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = y.lineCounter.linePos(keyNode.range[0]).line;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node | undefined;
      if (!node) break;
      if (node.range) line = y.lineCounter.linePos(node.range[0]).line;
    } else {
      break;
    }
    depth++;
  }
  return { line, found: depth === keyPath.length };
}
