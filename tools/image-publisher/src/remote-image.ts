import { exec } from './exec';

/** Loopback registries speak plain HTTP; Docker allows that for 127.0.0.0/8 and `localhost` only. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost)(:\d+)?\//;

/**
 * The image ID (config digest) that the registry holds under `ref`, or undefined when the tag is absent.
 * Comparing it with the local image ID tells whether pushing `ref` would change what the tag means.
 */
export function remoteImageId(ref: string): string | undefined {
  const args = ['manifest', 'inspect', '--verbose', ...(LOOPBACK.test(ref) ? ['--insecure'] : []), ref];
  const r = exec('docker', args);
  if (r.status !== 0) {
    if (/no such manifest|manifest unknown|not found/i.test(r.stderr)) return undefined;
    throw new Error(`docker manifest inspect ${ref} failed (exit ${r.status}): ${r.stderr.trim()}`);
  }
  const parsed: unknown = JSON.parse(r.stdout);
  // A multi-platform tag lists one entry per platform; ours are linux/amd64 only.
  const entries = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{
    Descriptor?: { platform?: { architecture?: string } };
    SchemaV2Manifest?: { config?: { digest?: string } };
    OCIManifest?: { config?: { digest?: string } };
  }>;
  const entry = entries.find((e) => (e.Descriptor?.platform?.architecture ?? 'amd64') === 'amd64');
  return entry?.SchemaV2Manifest?.config?.digest ?? entry?.OCIManifest?.config?.digest;
}
