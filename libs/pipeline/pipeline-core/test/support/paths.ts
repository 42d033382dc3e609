import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..', '..');
export const CONFIG_DIR = resolve(REPO_ROOT, 'configs');
