import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Output paths (in the tree) of the template files that contain EJS tags. Only these can differ from
 * the template text and need Prettier; tag-free templates are kept formatted in the repo
 * (test/templates.spec.ts) and are written as they are.
 */
export function templatedOutputs(
  templateDir: string,
  targetDir: string,
  substitutions: Record<string, string>,
): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (fs.readFileSync(file, 'utf8').includes('<%')) {
        let rel = path
          .relative(templateDir, file)
          .split(path.sep)
          .join('/')
          .replace(/__tmpl__$/, '');
        for (const [k, v] of Object.entries(substitutions)) rel = rel.split(`__${k}__`).join(v);
        out.push(`${targetDir}/${rel}`);
      }
    }
  };
  walk(templateDir);
  return out.sort();
}
