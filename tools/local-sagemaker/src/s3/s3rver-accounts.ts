import { readFileSync } from 'node:fs';
import type { StackCredentials } from '../auth/credentials';

/** s3rver's account registry (process-wide): the key pairs whose signatures it checks. */
interface AccountModule {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}

/**
 * Lets s3rver verify signatures made with the stack's key. The registry is shared by every s3rver in the
 * process, so the request guard also checks that the key is this stack's own.
 */
export function registerKeyPair(creds: StackCredentials): void {
  const accounts = require('@20minutes/s3rver/lib/models/account') as AccountModule;
  accounts.DUMMY_ACCOUNT.createKeyPair(creds.accessKeyId, creds.secretAccessKey);
}

/**
 * Fails at start-up, naming the fix, when node_modules holds s3rver without the project's patch
 * (patches/@20minutes+s3rver+5.0.0.patch, applied by `npm ci`'s postinstall): listings past 1,000 keys and
 * path-style signatures would fail later, one request at a time.
 */
export function assertPatched(): void {
  const file = require.resolve('@20minutes/s3rver/lib/controllers/bucket.js');
  if (!readFileSync(file, 'utf8').includes('mlops patch'))
    throw new Error(
      `${file} is not patched: run \`npx patch-package\` (npm ci does it) to apply patches/@20minutes+s3rver+5.0.0.patch`,
    );
}
