/** Temporary /opt/ml trees for tests (used through SAGEMAKER_BASE_DIR / baseDir). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Byte-exact copies of the upstream fixtures the tests use (origins in its README.md). */
export const FIXTURES_DIR = path.join(__dirname, '..', '__fixtures__', 'sagemaker');

export function fixturePath(name: string): string {
  const file = path.join(FIXTURES_DIR, name);
  if (!fs.existsSync(file)) throw new Error(`fixture missing: ${file}`);
  return file;
}

export function readFixture(name: string): string {
  return fs.readFileSync(fixturePath(name), 'utf8');
}

export interface TreeSpec {
  hyperparameters?: Record<string, unknown> | string;
  inputDataConfig?: Record<string, unknown> | string;
  resourceConfig?: Record<string, unknown> | string;
  code?: Record<string, string>;
}

export const DEFAULT_RESOURCE_CONFIG = {
  current_host: 'algo-1',
  hosts: ['algo-1'],
  network_interface_name: 'eth0',
};

/** Creates <tmp>/input/config/*.json (string specs are written verbatim) and optional code files. */
export function makeTrainingTree(spec: TreeSpec = {}): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'opt-ml-'));
  const config = path.join(base, 'input', 'config');
  fs.mkdirSync(config, { recursive: true });
  const write = (name: string, v: unknown) =>
    fs.writeFileSync(path.join(config, name), typeof v === 'string' ? v : JSON.stringify(v));
  write('hyperparameters.json', spec.hyperparameters ?? {});
  write('inputdataconfig.json', spec.inputDataConfig ?? {});
  write('resourceconfig.json', spec.resourceConfig ?? DEFAULT_RESOURCE_CONFIG);
  for (const [name, text] of Object.entries(spec.code ?? {})) {
    const file = path.join(base, 'code', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return base;
}

export function removeTree(base: string): void {
  fs.rmSync(base, { recursive: true, force: true });
}
