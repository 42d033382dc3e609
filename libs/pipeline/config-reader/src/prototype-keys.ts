import { isMap, isScalar, isSeq, LineCounter, Node } from 'yaml';
import { ConfigIssue } from './config-error';
import { formatKeyPath } from './key-path';

/**
 * Keys that reach Object.prototype when a config is turned into objects: `__proto__` is silently
 * dropped (or pollutes), `constructor`/`prototype` shadow built-ins. No real setting is named so.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

export const prototypeKeyMessage = (key: string) =>
  `prototype key ${JSON.stringify(key)} is not allowed (it would be dropped or reach Object.prototype)`;

/** Every prototype key in the YAML document, anywhere (maps inside lists included), with its line. */
export function findPrototypeKeys(root: unknown, lc: LineCounter, file: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        if (isPrototypeKey(key)) {
          const range = (pair.key as Node).range;
          issues.push({
            file,
            path: formatKeyPath([...path, key]),
            message: prototypeKeyMessage(key),
            ...(range ? { line: lc.linePos(range[0]).line } : {}),
          });
        }
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(root, []);
  return issues;
}
