/**
 * Child-process helper for test/templates.spec.ts (Prettier 3 needs dynamic import(), which Jest's VM
 * does not allow): `node -r @swc-node/register prettier-check.ts templates|generated`. Prints a JSON
 * list of the files that are not formatted with the workspace's Prettier config.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FsTree } from 'nx/src/generators/tree';
import * as prettier from 'prettier';
import { modelGenerator } from '../../src/generators/model/generator';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const PARSERS: Record<string, string> = {
  '.ts': 'typescript',
  '.js': 'babel',
  '.mjs': 'babel',
  '.json': 'json',
  '.md': 'markdown',
};

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function main(mode: string): Promise<void> {
  const options = (await prettier.resolveConfig(path.join(ROOT, 'package.json'))) ?? {};
  const files: { file: string; text: string }[] = [];
  if (mode === 'templates') {
    for (const f of walk(path.resolve(__dirname, '..', '..', 'src', 'generators'))) {
      const text = fs.readFileSync(f, 'utf8');
      if (f.endsWith('__tmpl__') && !text.includes('<%'))
        files.push({ file: f.replace(/__tmpl__$/, ''), text });
    }
  } else {
    for (const name of ['a', 'm'.repeat(19)]) {
      // Reads the real workspace (configs, CODEOWNERS, projects); writes stay in memory.
      const tree = new FsTree(ROOT, false);
      await modelGenerator(tree, { name, owner: '@acme/team-x' });
      for (const c of tree.listChanges())
        if (c.path.startsWith(`apps/container-${name}/`))
          files.push({ file: c.path, text: c.content?.toString() ?? '' });
    }
  }
  const checked: string[] = [];
  const unformatted: string[] = [];
  for (const { file, text } of files) {
    const parser = PARSERS[path.extname(file)];
    if (!parser) continue;
    checked.push(file);
    if (!(await prettier.check(text, { ...options, parser }))) unformatted.push(file);
  }
  process.stdout.write(JSON.stringify({ options, checked: checked.length, unformatted }) + '\n');
}

void main(process.argv[2] ?? '');
