import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeImagesCommand,
  ImageNotFoundException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { createEcrClient, describeEcrImage, parseEcrImage } from '../src';

const REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

describe('parseEcrImage', () => {
  test('tag, digest, nested repository, and no tag = latest', () => {
    expect(parseEcrImage(`${REGISTRY}/container-iris:abc123`)).toEqual({
      registryId: '123456789012',
      region: 'eu-west-1',
      repositoryName: 'container-iris',
      imageTag: 'abc123',
    });
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseEcrImage(`${REGISTRY}/team/container-iris@${digest}`)).toMatchObject({
      repositoryName: 'team/container-iris',
      imageDigest: digest,
    });
    expect(parseEcrImage(`${REGISTRY}/container-iris`)?.imageTag).toBe('latest');
  });

  test('anything else is not ECR', () => {
    for (const image of [
      'container-iris:latest',
      '127.0.0.1:5000/container-iris:1',
      'docker.io/library/node:24',
    ])
      expect(parseEcrImage(image)).toBeUndefined();
  });
});

describe('describeEcrImage (DescribeImages)', () => {
  const ecr = createEcrClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const mock = mockClient(ecr);
  afterEach(() => mock.reset());
  afterAll(() => mock.restore());
  const parsed = parseEcrImage(`${REGISTRY}/container-iris:abc123`);
  if (!parsed) throw new Error('the ECR URI of the test must parse');
  const ref = parsed;

  test('found: asks for exactly that registry, repository and tag', async () => {
    mock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageTags: ['abc123'] }] });
    expect((await describeEcrImage(ecr, ref)).status).toBe('found');
    expect(mock.commandCalls(DescribeImagesCommand)[0].args[0].input).toEqual({
      registryId: '123456789012',
      repositoryName: 'container-iris',
      imageIds: [{ imageTag: 'abc123' }],
    });
  });

  test('a missing image or repository is an answer, not an error', async () => {
    mock.on(DescribeImagesCommand).rejects(new ImageNotFoundException({ message: 'no', $metadata: {} }));
    expect((await describeEcrImage(ecr, ref)).status).toBe('no-image');
    mock.on(DescribeImagesCommand).rejects(new RepositoryNotFoundException({ message: 'no', $metadata: {} }));
    expect((await describeEcrImage(ecr, ref)).status).toBe('no-repository');
  });

  test('other errors (access denied, network) propagate', async () => {
    mock
      .on(DescribeImagesCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(describeEcrImage(ecr, ref)).rejects.toThrow('denied');
  });
});
