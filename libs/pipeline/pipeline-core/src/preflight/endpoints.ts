const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * True when the config points SageMaker at this machine (the local stack). Placeholders and ECR are
 * checked only otherwise: local.yaml uses the example account on purpose and local images are not in ECR.
 */
export function isLocalEndpoint(url: string | undefined): boolean {
  if (url === undefined) return false;
  return LOOPBACK.has(new URL(url).hostname);
}
