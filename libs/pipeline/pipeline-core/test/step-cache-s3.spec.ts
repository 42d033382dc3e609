import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createS3Client, listObjectsArray } from '@mlops/aws';
import { copyPrefix, readS3Text, s3ContentVersion } from '../src';
import { startS3 } from '../testing';

describe('step cache on a real S3 API (s3rver): input versions and output copies', () => {
  let server: Awaited<ReturnType<typeof startS3>>;
  let s3: S3Client;
  beforeAll(async () => {
    server = await startS3('bucket');
    s3 = createS3Client({
      region: 'us-east-1',
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    s3.destroy();
    await server.close();
  });
  const put = (key: string, body: string) =>
    s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: key, Body: body }));

  it('a copied prefix has the content version of its original; a changed byte or name changes it', async () => {
    await put('r1/processed/train/data.csv', 'a,b\n1,2\n');
    await put('r1/processed/train/part/more.csv', 'a,b\n3,4\n');
    await put('r1/processed/trainer-other/x.csv', 'not under the prefix');
    const original = await s3ContentVersion(s3, 's3://bucket/r1/processed/train/');

    expect(await copyPrefix(s3, 's3://bucket/r1/processed/train/', 's3://bucket/r2/processed/train/')).toBe(
      2,
    );
    expect((await listObjectsArray(s3, 's3://bucket/r2/')).map((o) => o.key)).toEqual([
      'r2/processed/train/data.csv',
      'r2/processed/train/part/more.csv',
    ]);
    expect(await readS3Text(s3, 's3://bucket/r2/processed/train/part/more.csv')).toBe('a,b\n3,4\n');
    expect(await s3ContentVersion(s3, 's3://bucket/r2/processed/train/')).toBe(original);

    await put('r3/processed/train/data.csv', 'a,b\n1,9\n');
    await put('r3/processed/train/part/more.csv', 'a,b\n3,4\n');
    expect(await s3ContentVersion(s3, 's3://bucket/r3/processed/train/')).not.toBe(original);
    await put('r4/processed/train/data2.csv', 'a,b\n1,2\n');
    await put('r4/processed/train/part/more.csv', 'a,b\n3,4\n');
    expect(await s3ContentVersion(s3, 's3://bucket/r4/processed/train/')).not.toBe(original);
  });

  it('copying an empty prefix copies nothing (the caller then runs the job)', async () => {
    expect(await copyPrefix(s3, 's3://bucket/none/', 's3://bucket/target/')).toBe(0);
  });
});
