import { execFileSync } from 'node:child_process';
import { imageDigests } from '../src/stack/image-digests';

/** Needs the Docker daemon and the shared base image (tools/ci/services.sh up). */
const BASE = 'node:24-bookworm-slim';

describe('imageDigests (docker runtime)', () => {
  it("takes the image's content Id from the daemon and leaves an unknown image out", async () => {
    const id = execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', BASE], {
      encoding: 'utf8',
    }).trim();
    const digests = await imageDigests('docker', [BASE, 'mlops-cache-no-such-image:never'], '/nonexistent');
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digests).toEqual({ [BASE]: id });
  });
});
