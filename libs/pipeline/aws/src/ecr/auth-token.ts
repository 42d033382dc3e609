import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';

/** Registry credentials. `password` is a secret: never log or persist it. */
export interface EcrLogin {
  /** Registry host, e.g. `123456789012.dkr.ecr.us-east-1.amazonaws.com`. */
  registry: string;
  username: string;
  password: string;
  expiresAt?: Date;
}

/**
 * Fetches and decodes ECR authorization tokens (`base64("AWS:<password>")`), one per registry.
 * `registryIds` defaults to the caller's account.
 */
export async function getEcrLogins(ecr: ECRClient, registryIds?: string[]): Promise<EcrLogin[]> {
  const res = await ecr.send(new GetAuthorizationTokenCommand(registryIds ? { registryIds } : {}));
  const data = res.authorizationData ?? [];
  if (data.length === 0) throw new Error('ECR GetAuthorizationToken returned no authorization data');
  return data.map((d, i) => {
    if (!d.authorizationToken || !d.proxyEndpoint) {
      throw new Error(`ECR authorization data [${i}] lacks a token or proxy endpoint`);
    }
    const decoded = Buffer.from(d.authorizationToken, 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    if (sep <= 0)
      throw new Error(`ECR authorization token [${i}] is not "user:password" (content not shown)`);
    return {
      registry: d.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, ''),
      username: decoded.slice(0, sep),
      password: decoded.slice(sep + 1),
      ...(d.expiresAt ? { expiresAt: d.expiresAt } : {}),
    };
  });
}
