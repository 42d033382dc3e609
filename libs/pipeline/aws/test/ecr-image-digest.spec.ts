import { mockClient } from 'aws-sdk-client-mock';
import { DescribeImagesCommand, ImageNotFoundException } from '@aws-sdk/client-ecr';
import { createEcrClient, ecrImageDigest } from '../src';

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/container-iris:3f2a9c1';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('ecrImageDigest (DescribeImages answers are what only AWS produces: mocked)', () => {
  const ecr = createEcrClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const mock = mockClient(ecr);
  afterEach(() => mock.reset());
  afterAll(() => ecr.destroy());

  it('asks ECR for the tag of an ECR URI and returns its digest', async () => {
    mock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST }] });
    expect(await ecrImageDigest(ecr, IMAGE)).toBe(DIGEST);
    expect(mock.commandCalls(DescribeImagesCommand)[0].args[0].input).toEqual({
      registryId: '123456789012',
      repositoryName: 'team/container-iris',
      imageIds: [{ imageTag: '3f2a9c1' }],
    });
  });

  it('an unknown tag is an unknown digest; other errors are thrown', async () => {
    mock.on(DescribeImagesCommand).rejects(new ImageNotFoundException({ message: 'no', $metadata: {} }));
    expect(await ecrImageDigest(ecr, IMAGE)).toBeUndefined();
    mock
      .on(DescribeImagesCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(ecrImageDigest(ecr, IMAGE)).rejects.toThrow('denied');
  });

  it('does not call ECR for local tags or digest-pinned URIs (the pinned digest is the answer)', async () => {
    expect(await ecrImageDigest(ecr, 'container-iris:latest')).toBeUndefined();
    expect(await ecrImageDigest(ecr, `123456789012.dkr.ecr.eu-west-1.amazonaws.com/x@${DIGEST}`)).toBe(
      DIGEST,
    );
    expect(mock.commandCalls(DescribeImagesCommand)).toHaveLength(0);
  });
});
