import type { Tree } from '@nx/devkit';

/** Where the pipeline's batch order is declared once (local pipeline and production read it). */
export const BATCHES_FILE = 'libs/shared/contract/src/pipeline/batches.ts';
const DECLARATION = /export const BATCHES = \[([^\]]*)\] as const;/;

/** Problems that stop the generator before any write: the declaration must be there to extend. */
export function declarationProblems(tree: Tree): string[] {
  const text = tree.read(BATCHES_FILE, 'utf-8');
  if (text === null) return [`${BATCHES_FILE} is missing: it declares the batch order`];
  if (!DECLARATION.test(text))
    return [`${BATCHES_FILE}: no "export const BATCHES = [...] as const;" to extend`];
  return [];
}

/** Appends `name` to BATCHES, so `npm start` and the production state machine run it last. */
export function declareBatch(tree: Tree, name: string): void {
  const text = tree.read(BATCHES_FILE, 'utf-8') ?? '';
  tree.write(
    BATCHES_FILE,
    text.replace(DECLARATION, (_all, list: string) => {
      const names = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      return `export const BATCHES = [${[...names, name].map((n) => `'${n}'`).join(', ')}] as const;`;
    }),
  );
}
