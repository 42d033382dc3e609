import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@mlops/config-reader';
import { withEcrDigests } from '../src/cache/ecr-digests';
import { CONFIG_DIR } from './support/paths';

const ECR_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/container-iris:abc123';
const DIGEST = `sha256:${'cd'.repeat(32)}`;

/** Stands in for ECR's DescribeImages (only AWS produces its answers) and records the targets called. */
async function fakeEcr(): Promise<{ url: string; targets: string[]; close(): Promise<void> }> {
  const targets: string[] = [];
  const server: Server = createServer((req, res) => {
    targets.push(String(req.headers['x-amz-target'] ?? ''));
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(JSON.stringify({ imageDetails: [{ imageDigest: DIGEST }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('withEcrDigests', () => {
  let ecr: Awaited<ReturnType<typeof fakeEcr>>;
  beforeEach(async () => {
    ecr = await fakeEcr();
  });
  afterEach(() => ecr.close());

  const config = () =>
    loadConfig({
      env: 'local',
      configDir: CONFIG_DIR,
      processEnv: { MLOPS__AWS__ENDPOINTS__ECR: ecr.url },
    });

  it('asks ECR only for tagged ECR images whose digest is not known yet', async () => {
    const saved = { ...process.env };
    // The SDK's default chain signs the request; the fake endpoint ignores the (non-secret) pair.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
    try {
      const known = { 'container-mpg:latest': 'bundle:1' };
      const out = await withEcrDigests(
        config(),
        [ECR_IMAGE, 'container-mpg:latest', 'container-iris:latest'],
        known,
      );
      expect(out).toEqual({ 'container-mpg:latest': 'bundle:1', [ECR_IMAGE]: DIGEST });
      expect(ecr.targets).toEqual(['AmazonEC2ContainerRegistry_V20150921.DescribeImages']);
    } finally {
      process.env = saved;
    }
  });

  it('makes no call at all without an ECR image (the local stack)', async () => {
    expect(await withEcrDigests(config(), ['container-iris:latest'], {})).toEqual({});
    expect(ecr.targets).toEqual([]);
  });
});
