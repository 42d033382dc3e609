/**
 * Runs the model generator in-process (what `nx g` runs, without the CLI start and the project graph),
 * one model at a time, writing each to disk before the next. Executed inside the workspace copy by
 * scale.ts:  node -r @swc-node/register tools/bench/generate-in-process.ts <owner> <name>...
 * Prints one JSON line: the seconds per model.
 */
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import * as path from 'node:path';

async function main(): Promise<void> {
  const [owner, ...names] = process.argv.slice(2);
  const root = process.cwd();
  // The copy's own plugin source, so the benchmark measures the code under test.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { modelGenerator } = require(
    path.join(root, 'tools/workspace-plugin/src/generators/model/generator.ts'),
  );
  const seconds: number[] = [];
  for (const name of names) {
    const t = process.hrtime.bigint();
    const tree = new FsTree(root, false);
    const callback = await modelGenerator(tree, { name, owner });
    flushChanges(root, tree.listChanges());
    void callback;
    seconds.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  process.stdout.write(`${JSON.stringify({ seconds })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
