import { BATCHES } from '../src';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('BATCHES', () => {
  it('names one apps/pipeline-<batch> project per batch, each once', () => {
    expect(new Set(BATCHES).size).toBe(BATCHES.length);
    for (const b of BATCHES)
      expect(existsSync(join(ROOT, 'apps', `pipeline-${b}`, 'project.json'))).toBe(true);
  });
});
