// Puts what the image needs into the build context (dist/), so `docker build` needs no network:
// the toolkit's bundled `train` runner and a static tini.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// Debian's docker.io depends on tini, so the static binary is usually on the host already;
// otherwise fetch the Debian package (apt reaches the mirror even when the image build cannot).
const hostTini = '/usr/bin/tini-static';
if (existsSync(hostTini)) {
  copyFileSync(hostTini, join(dist, 'tini'));
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'tini-'));
  try {
    execFileSync('apt-get', ['download', 'tini'], { cwd: tmp, stdio: 'inherit' });
    const deb = execFileSync('sh', ['-c', 'ls tini_*.deb'], { cwd: tmp, encoding: 'utf8' }).trim();
    execFileSync('dpkg-deb', ['-x', deb, 'root'], { cwd: tmp, stdio: 'inherit' });
    copyFileSync(join(tmp, 'root/usr/bin/tini-static'), join(dist, 'tini'));
  } catch (e) {
    console.error(`cannot get tini-static: install Debian's tini package (${e.message})`);
    process.exit(1);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(`build context ready: ${dist}`);
