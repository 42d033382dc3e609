// Puts what the image needs into the build context (dist/), so `docker build` needs no network:
// the toolkit's bundled `train` runner (tini comes from Debian's package in the Dockerfile).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = resolve(projectRoot, '..', '..');
const dist = join(projectRoot, 'dist');
mkdirSync(dist, { recursive: true });

const train = join(workspaceRoot, 'libs/container/sagemaker-toolkit/dist/train.js');
if (!existsSync(train)) {
  console.error(`missing ${train}: run \`npx nx run sagemaker-toolkit:build\` first`);
  process.exit(1);
}
copyFileSync(train, join(dist, 'train.js'));

console.log(`build context ready: ${dist}`);
