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
  // The SDK's Node 20 end-of-support notice would repeat in every batch's output; the workspace pins
  // Node 20 on purpose (package.json engines). An explicit setting of the caller wins.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return { ...env, ...overrides };
}
