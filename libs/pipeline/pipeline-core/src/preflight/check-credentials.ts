/**
 * Resolves the AWS credentials the SDK default chain gives, before any row or job exists: missing ones
 * are one line with the fix instead of a `CredentialsProviderError` stack after a run row was written.
 */
export async function credentialsProblem(resolve: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await resolve();
    return undefined;
  } catch (err) {
    if (!isCredentialsError(err)) throw err;
    return credentialsFix(err);
  }
}

export function isCredentialsError(err: unknown): err is Error {
  return err instanceof Error && err.name === 'CredentialsProviderError';
}

/** The SDK's first line (what it tried) and how to supply credentials. */
export function credentialsFix(err: Error): string {
  const said = err.message.split('\n')[0].replace(/\.$/, '');
  return (
    `no AWS credentials (${said}); set AWS_PROFILE (after \`aws sso login\`) or AWS_ACCESS_KEY_ID and ` +
    'AWS_SECRET_ACCESS_KEY, or run where an instance/task role is available'
  );
}
