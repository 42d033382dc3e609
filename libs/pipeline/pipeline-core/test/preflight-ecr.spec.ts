import { mockClient } from 'aws-sdk-client-mock';
import { DescribeImagesCommand, ImageNotFoundException } from '@aws-sdk/client-ecr';
import { createEcrClient } from '@mlops/aws';
import { ecrImageCheck } from '../src/preflight/check-images';

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-iris:3f2a9c1';
const DIGEST = `sha256:${'cd'.repeat(32)}`;

describe('ecrImageCheck (DescribeImages answers are what only AWS produces: mocked)', () => {
  const ecr = createEcrClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const mock = mockClient(ecr);
  afterEach(() => mock.reset());
  afterAll(() => mock.restore());

  it('passes a found image and keeps its digest for the step cache', async () => {
    mock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST }] });
    const digests = new Map<string, string>();
    expect(await ecrImageCheck(ecr, digests)(IMAGE)).toBeUndefined();
    expect([...digests]).toEqual([[IMAGE, DIGEST]]);
  });

  it('names a missing image with the push command, and keeps no digest', async () => {
    mock.on(DescribeImagesCommand).rejects(new ImageNotFoundException({ message: 'no', $metadata: {} }));
    const digests = new Map<string, string>();
    expect(await ecrImageCheck(ecr, digests)(IMAGE)).toMatch(
      /^ECR has no image 3f2a9c1 in container-iris; push it: npx nx run container-iris:docker:push/,
    );
    expect(digests.size).toBe(0);
  });
});
