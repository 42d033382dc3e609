import { chooseRuntime } from '../src/stack/choose-runtime';
import type { DockerProbe } from '@mlops/pipeline-core';

function probe(daemon: boolean, images: string[]): DockerProbe & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    daemonAnswers: async () => {
      calls.push('daemon');
      return daemon;
    },
    imageExists: async (image) => {
      calls.push(`image:${image}`);
      return images.includes(image);
    },
  };
}

const IMAGES = ['container-iris:latest', 'container-mpg:latest'];

describe('chooseRuntime', () => {
  it('auto picks docker when the daemon answers and every image exists', async () => {
    const d = await chooseRuntime('auto', IMAGES, probe(true, IMAGES));
    expect(d.runtime).toBe('docker');
    expect(d.reason).toMatch(/daemon answers and images exist/);
  });

  it('auto falls back to process without a daemon, saying why, and does not ask for images', async () => {
    const p = probe(false, IMAGES);
    const d = await chooseRuntime('auto', IMAGES, p);
    expect(d).toEqual({ runtime: 'process', reason: 'auto: no Docker daemon answers' });
    expect(p.calls).toEqual(['daemon']);
  });

  it('auto falls back to process when an image is missing, naming it', async () => {
    const d = await chooseRuntime('auto', IMAGES, probe(true, ['container-iris:latest']));
    expect(d).toEqual({ runtime: 'process', reason: 'auto: image(s) missing: container-mpg:latest' });
  });

  it('process never probes docker', async () => {
    const p = probe(true, IMAGES);
    expect((await chooseRuntime('process', IMAGES, p)).runtime).toBe('process');
    expect(p.calls).toEqual([]);
  });

  it('an explicit docker that cannot work is an exit-2 error naming what is missing', async () => {
    await expect(chooseRuntime('docker', IMAGES, probe(false, IMAGES))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no Docker daemon answers/),
    });
    await expect(chooseRuntime('docker', IMAGES, probe(true, []))).rejects.toThrow(
      /image\(s\) container-iris:latest, container-mpg:latest do not exist/,
    );
    expect((await chooseRuntime('docker', IMAGES, probe(true, IMAGES))).runtime).toBe('docker');
  });
});
