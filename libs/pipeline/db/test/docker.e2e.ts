import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSmokeBundle, EXPECTED_SMOKE } from './bundle';
import { createPostgresTestDb } from './postgres';

const BASE_IMAGE = process.env.MLOPS_BASE_IMAGE ?? 'node:24-bookworm-slim';

function docker(args: string[], input?: string): string {
  const res = spawnSync('docker', args, { encoding: 'utf8', input, timeout: 240000 });
  if (res.status !== 0) {
    throw new Error(
      `docker ${args.slice(0, 2).join(' ')} failed (${res.status}): ${res.stderr || String(res.error)}`,
    );
  }
  return res.stdout;
}

describe('bundled @mlops/db inside a Docker image', () => {
  it('migrates and writes to PostgreSQL from the container (only the bundle in the image)', async () => {
    // Fails loudly (not skipped) when Docker or the base image is missing: see tools/ci/services.sh up.
    docker(['image', 'inspect', BASE_IMAGE]);
    const bundle = await buildSmokeBundle();
    const context = path.dirname(bundle);
    writeFileSync(
      path.join(context, 'Dockerfile'),
      [
        `FROM ${BASE_IMAGE}`,
        'COPY bundle.js /app/bundle.js',
        'USER node',
        'ENTRYPOINT ["node", "/app/bundle.js"]',
        '',
      ].join('\n'),
    );
    const tag = `mlops-db-smoke:${randomBytes(4).toString('hex')}`;
    const testDb = await createPostgresTestDb();
    try {
      docker(['build', '-q', '-t', tag, context]);
      // Host network: the container reaches PostgreSQL on the host's loopback, as CI runs it.
      const out = docker(['run', '--rm', '--network', 'host', tag, JSON.stringify(testDb.config)]);
      expect(JSON.parse(out.trim())).toEqual(EXPECTED_SMOKE);
    } finally {
      await testDb.cleanup();
      spawnSync('docker', ['rmi', '-f', tag]);
    }
  });
});
