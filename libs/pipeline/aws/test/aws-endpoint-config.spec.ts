import { AwsConfigError, createS3Client, toSdkClientOptions } from '../src';

describe('AwsEndpointConfig', () => {
  test('maps to SDK options with standard retries by default', () => {
    expect(
      toSdkClientOptions({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9000', maxAttempts: 5 }),
    ).toEqual({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9000',
      maxAttempts: 5,
      retryMode: 'standard',
    });
  });

  test('lists every invalid field without echoing secrets', () => {
    let err: unknown;
    try {
      toSdkClientOptions({
        region: 'US East',
        endpoint: 'ftp://x',
        maxAttempts: 0,
        retryMode: 'legacy' as 'standard',
        credentials: { accessKeyId: 'AKIDSECRETVALUE', secretAccessKey: '' },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AwsConfigError);
    const msg = (err as Error).message;
    for (const part of [
      'region: "US East"',
      'endpoint: "ftp://x"',
      'maxAttempts: 0',
      'retryMode: "legacy"',
      'credentials:',
    ]) {
      expect(msg).toContain(part);
    }
    expect(msg).not.toContain('AKIDSECRETVALUE');
  });

  test('the S3 client uses the configured endpoint and path style', async () => {
    const s3 = createS3Client({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1234',
      forcePathStyle: true,
    });
    const ep = await s3.config.endpoint?.();
    expect(ep?.hostname).toBe('127.0.0.1');
    expect(ep?.port).toBe(1234);
    expect(s3.config.forcePathStyle).toBe(true);
    expect(await s3.config.region()).toBe('us-east-1');
    s3.destroy();
  });
});
