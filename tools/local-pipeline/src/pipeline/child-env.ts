/**
 * The batches' environment: the caller's, plus the overrides that point them at the local stack. When the
 * overrides bring credentials, the caller's AWS session/profile settings are dropped so they cannot mix.
 */
export function buildChildEnv(base: NodeJS.ProcessEnv, overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (overrides.AWS_ACCESS_KEY_ID !== undefined) {
    for (const key of [
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
      'AWS_DEFAULT_PROFILE',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    ])
      delete env[key];
  }
  return { ...env, ...overrides };
}
