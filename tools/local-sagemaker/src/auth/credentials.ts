import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** The one key pair a local stack accepts, generated for the user who started it. */
export interface StackCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Profile name in the credentials file, for the AWS CLI and boto3 (`--profile mlops-local`). */
export const PROFILE = 'mlops-local';
export const CREDENTIALS_FILE = 'credentials';

/** A fresh pair in AWS's shapes: a 20-character key id (`LSMK` + 16) and a 40-character secret. */
export function generateCredentials(): StackCredentials {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const id = [...randomBytes(16)].map((b) => alphabet[b & 31]).join('');
  return { accessKeyId: `LSMK${id}`, secretAccessKey: randomBytes(30).toString('base64url') };
}

/** The shared-credentials (INI) text of a pair, as `aws configure` writes it. */
export function credentialsIni(creds: StackCredentials): string {
  return (
    `[${PROFILE}]\n` +
    `aws_access_key_id = ${creds.accessKeyId}\n` +
    `aws_secret_access_key = ${creds.secretAccessKey}\n`
  );
}

/**
 * The stack's credentials from `<stateDir>/credentials`, created (mode 0600, atomically) when missing, so a
 * restarted stack keeps the pair its clients already hold. A file that another user owns or that others
 * may read is refused: it is how a local attacker would plant or read the key.
 */
export function loadOrCreateCredentials(stateDir: string): StackCredentials {
  const file = join(stateDir, CREDENTIALS_FILE);
  if (!existsSync(file)) {
    const creds = generateCredentials();
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, credentialsIni(creds));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return creds;
  }
  return readCredentialsFile(file);
}

/** Reads a credentials file written by loadOrCreateCredentials, checking owner and mode first. */
export function readCredentialsFile(file: string): StackCredentials {
  const st = statSync(file);
  if (typeof process.getuid === 'function' && st.uid !== process.getuid())
    throw new Error(
      `${file}: owned by uid ${st.uid}, not by you (uid ${process.getuid()}); refusing to use it`,
    );
  if ((st.mode & 0o077) !== 0) {
    // Tighten rather than leak further, and say so: the key may have been read already.
    chmodSync(file, 0o600);
    throw new Error(
      `${file}: was readable by others (mode ${(st.mode & 0o777).toString(8)}); made it 0600 — delete it and restart the stack for a new key`,
    );
  }
  const text = readFileSync(file, 'utf8');
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*(\\S+)\\s*$`, 'm').exec(text)?.[1];
  const accessKeyId = value('aws_access_key_id');
  const secretAccessKey = value('aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey)
    throw new Error(`${file}: no aws_access_key_id / aws_secret_access_key in profile [${PROFILE}]`);
  return { accessKeyId, secretAccessKey };
}
