/**
 * Connection settings shared by every client factory in this lib. Endpoints always come from here,
 * so the same code talks to AWS or to a local stack (s3rver, local SageMaker) with no code branch.
 */
export interface AwsEndpointConfig {
  region: string;
  /** e.g. `http://127.0.0.1:4568`; omit for the AWS default endpoint. */
  endpoint?: string;
  /** Required by most S3-compatible servers (bucket in the path, not the host name). */
  forcePathStyle?: boolean;
  /** Omit to use the SDK default provider chain (env, profile, instance role). Never hard-code. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK retry attempts including the first call (SDK default 3). */
  maxAttempts?: number;
  /** `adaptive` adds client-side rate limiting on throttling errors; default `standard`. */
  retryMode?: 'standard' | 'adaptive';
}

/** Common SDK v3 client options derived from {@link AwsEndpointConfig}. */
export interface SdkClientOptions {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts?: number;
  retryMode: 'standard' | 'adaptive';
}

export function toSdkClientOptions(cfg: AwsEndpointConfig): SdkClientOptions {
  validateEndpointConfig(cfg);
  const opts: SdkClientOptions = { region: cfg.region, retryMode: cfg.retryMode ?? 'standard' };
  if (cfg.endpoint !== undefined) opts.endpoint = cfg.endpoint;
  if (cfg.credentials !== undefined) opts.credentials = { ...cfg.credentials };
  if (cfg.maxAttempts !== undefined) opts.maxAttempts = cfg.maxAttempts;
  return opts;
}

export class AwsConfigError extends Error {
  override name = 'AwsConfigError';
}

function validateEndpointConfig(cfg: AwsEndpointConfig): void {
  const problems: string[] = [];
  if (typeof cfg.region !== 'string' || !/^[a-z0-9-]+$/.test(cfg.region)) {
    problems.push(`region: ${JSON.stringify(cfg.region)} must be a region name like "us-east-1"`);
  }
  if (cfg.endpoint !== undefined) {
    let ok = false;
    try {
      const u = new URL(cfg.endpoint);
      ok = u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`endpoint: ${JSON.stringify(cfg.endpoint)} must be an http(s) URL`);
  }
  if (cfg.maxAttempts !== undefined && (!Number.isInteger(cfg.maxAttempts) || cfg.maxAttempts < 1)) {
    problems.push(`maxAttempts: ${JSON.stringify(cfg.maxAttempts)} must be an integer >= 1`);
  }
  if (cfg.retryMode !== undefined && cfg.retryMode !== 'standard' && cfg.retryMode !== 'adaptive') {
    problems.push(`retryMode: ${JSON.stringify(cfg.retryMode)} must be "standard" or "adaptive"`);
  }
  if (cfg.credentials !== undefined && (!cfg.credentials.accessKeyId || !cfg.credentials.secretAccessKey)) {
    // Never echo credential values, only which member is missing.
    problems.push('credentials: accessKeyId and secretAccessKey must both be non-empty');
  }
  if (problems.length > 0)
    throw new AwsConfigError(`Invalid AWS endpoint config:\n  - ${problems.join('\n  - ')}`);
}
