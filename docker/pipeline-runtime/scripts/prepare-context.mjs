// Puts the runtime files the pipeline bundles cannot carry into the build context (dist/), so
// `docker build` needs no network: better-sqlite3's compiled addon (built by `npm ci` on this
// Debian/glibc host for Node 24, the same ABI as the image) with its one runtime dependency.
import { cpSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = resolve(projectRoot, '..', '..');
const dist = join(projectRoot, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'node_modules'), { recursive: true });

const fail = (msg) => {
  console.error(msg);
  process.exit(1);
};

// Only what `require('better-sqlite3')` loads at run time: lib/, package.json, the .node addon.
const bs3 = join(workspaceRoot, 'node_modules/better-sqlite3');
const addon = join(bs3, 'build/Release/better_sqlite3.node');
if (!existsSync(addon)) fail(`missing ${addon}: run npm ci (better-sqlite3 builds its addon on install)`);
const out = join(dist, 'node_modules/better-sqlite3');
cpSync(join(bs3, 'lib'), join(out, 'lib'), { recursive: true });
copyFileSync(join(bs3, 'package.json'), join(out, 'package.json'));
mkdirSync(join(out, 'build/Release'), { recursive: true });
copyFileSync(addon, join(out, 'build/Release/better_sqlite3.node'));
for (const dep of ['bindings', 'file-uri-to-path']) {
  const src = join(workspaceRoot, 'node_modules', dep);
  if (!existsSync(src)) fail(`missing ${src}: run npm ci`);
  // Their package.json, the JS `require` loads and the licence; not their tests, typings or CI files.
  cpSync(src, join(dist, 'node_modules', dep), {
    recursive: true,
    filter: (file) => file === src || /^([^/]+\.js(on)?|LICEN[SC]E(\.md)?)$/.test(file.slice(src.length + 1)),
  });
}
const version = JSON.parse(readFileSync(join(bs3, 'package.json'), 'utf8')).version;
console.log(`build context ready: ${dist} (better-sqlite3 ${version})`);
