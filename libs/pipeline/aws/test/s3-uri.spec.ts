import { S3UriError, directoryPrefix, formatS3Uri, joinS3Uri, parseS3Uri } from '../src';

describe('parseS3Uri', () => {
  test.each([
    ['s3://bucket/key', { bucket: 'bucket', key: 'key' }],
    ['s3://my.bucket-1/a/b/c.txt', { bucket: 'my.bucket-1', key: 'a/b/c.txt' }],
    ['s3://bucket', { bucket: 'bucket', key: '' }],
    ['s3://bucket/', { bucket: 'bucket', key: '' }],
    ['s3://bucket/dir/', { bucket: 'bucket', key: 'dir/' }],
    ['s3://bucket/with space/ü.bin', { bucket: 'bucket', key: 'with space/ü.bin' }],
  ])('%s', (uri, expected) => {
    expect(parseS3Uri(uri)).toEqual(expected);
  });

  test.each([
    ['', 'must start with "s3://"'],
    ['bucket/key', 'must start with "s3://"'],
    ['https://bucket/key', 'must start with "s3://"'],
    ['S3://bucket/key', 'must start with "s3://"'],
    ['s3:/bucket/key', 'must start with "s3://"'],
    ['s3:///key', 'bucket name is empty'],
    ['s3://Bucket/key', 'not a valid bucket name'],
    ['s3://ab/key', 'not a valid bucket name'],
    ['s3://bucket_x/key', 'not a valid bucket name'],
    ['s3://-bucket/key', 'not a valid bucket name'],
    ['s3://bu..cket/key', 'not a valid bucket name'],
    [`s3://bucket/${'k'.repeat(1025)}`, 'longer than 1024 bytes'],
    ['s3://bucket/a\nb', 'control characters'],
  ])('rejects %j', (uri, reason) => {
    expect(() => parseS3Uri(uri)).toThrow(S3UriError);
    expect(() => parseS3Uri(uri)).toThrow(reason);
    // The error names the offending value.
    expect(() => parseS3Uri(uri)).toThrow(JSON.stringify(uri).slice(0, 40).replace(/"$/, ''));
  });

  test('rejects non-strings', () => {
    expect(() => parseS3Uri(42 as unknown as string)).toThrow('expected a string');
  });
});

describe('formatS3Uri / joinS3Uri / directoryPrefix', () => {
  test('format round-trips parse', () => {
    for (const uri of ['s3://bucket/a/b', 's3://bucket/', 's3://bucket/dir/']) {
      expect(formatS3Uri(parseS3Uri(uri))).toBe(uri);
    }
  });
  test('format rejects a bad bucket', () => {
    expect(() => formatS3Uri({ bucket: 'Bad_Bucket', key: 'k' })).toThrow(S3UriError);
  });
  test('join normalizes slashes', () => {
    expect(joinS3Uri('s3://b0b/models/', '/run1/', 'model.tar.gz')).toBe('s3://b0b/models/run1/model.tar.gz');
    expect(joinS3Uri('s3://b0b', 'x')).toBe('s3://b0b/x');
    expect(joinS3Uri('s3://b0b/a', 'dir/')).toBe('s3://b0b/a/dir/');
    expect(joinS3Uri('s3://b0b/a/')).toBe('s3://b0b/a/');
    expect(() => joinS3Uri('b0b/a', 'x')).toThrow(S3UriError);
  });
  test('directoryPrefix', () => {
    expect(directoryPrefix('')).toBe('');
    expect(directoryPrefix('run1')).toBe('run1/');
    expect(directoryPrefix('run1/')).toBe('run1/');
  });
});
