import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startS3Server, TestS3 } from './support/s3-server';
import {
  downloadFile,
  downloadPrefix,
  listObjects,
  listObjectsArray,
  objectExists,
  uploadDirectory,
  uploadFile,
  S3UriError,
  keyToRelativePath,
} from '../src';

let srv: TestS3;
let tmp: string;
const uri = (key: string) => `s3://${srv.bucket}/${key}`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), content);
  }
}

beforeAll(async () => {
  srv = await startS3Server();
});
afterAll(async () => srv.close());
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-s3-'));
});
afterEach(async () => fs.rm(tmp, { recursive: true, force: true }));

describe('uploadFile / downloadFile', () => {
  test('multipart upload of a 12 MiB file with 5 MiB parts round-trips byte for byte', async () => {
    const data = randomBytes(12 * 1024 * 1024 + 123);
    await fs.writeFile(path.join(tmp, 'big.bin'), data);
    const parts: number[] = [];
    const res = await uploadFile(srv.s3, path.join(tmp, 'big.bin'), uri('mp/big.bin'), {
      partSize: 5 * 1024 * 1024,
      onProgress: (p) => parts.push(p.loaded),
    });
    expect(res).toEqual({ localPath: path.join(tmp, 'big.bin'), uri: uri('mp/big.bin'), bytes: data.length });
    // lib-storage reports per part: 3 parts means it really went multipart.
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const out = path.join(tmp, 'out', 'big.bin');
    const dl = await downloadFile(srv.s3, uri('mp/big.bin'), out);
    expect(dl.bytes).toBe(data.length);
    expect(sha(await fs.readFile(out))).toBe(sha(data));
    // No temp files left beside the result.
    expect(await fs.readdir(path.dirname(out))).toEqual(['big.bin']);
  });

  test('a missing local file fails before anything is uploaded', async () => {
    await expect(uploadFile(srv.s3, path.join(tmp, 'nope.bin'), uri('missing/x.bin'))).rejects.toThrow(
      /nope\.bin/,
    );
    expect(await objectExists(srv.s3, uri('missing/x.bin'))).toBe(false);
  });

  test('rejects a prefix as destination, a tiny part size and a malformed URI', async () => {
    await fs.writeFile(path.join(tmp, 'a.txt'), 'a');
    await expect(uploadFile(srv.s3, path.join(tmp, 'a.txt'), uri('dir/'))).rejects.toThrow(
      'must name an object',
    );
    await expect(uploadFile(srv.s3, path.join(tmp, 'a.txt'), uri('x'), { partSize: 1024 })).rejects.toThrow(
      '5 MiB minimum',
    );
    await expect(uploadFile(srv.s3, path.join(tmp, 'a.txt'), 'http://bucket/x')).rejects.toThrow(S3UriError);
  });

  test('downloading a missing object leaves no file behind', async () => {
    const out = path.join(tmp, 'dl', 'none.bin');
    await expect(downloadFile(srv.s3, uri('does/not/exist'), out)).rejects.toThrow();
    await expect(fs.readdir(path.dirname(out)).catch(() => [])).resolves.toEqual([]);
  });
});

describe('directories, listing, exists', () => {
  const tree = { 'a.txt': 'alpha', 'sub/b.txt': 'bravo', 'sub/deep/c.bin': Buffer.alloc(3000, 1) };

  test('uploadDirectory then downloadPrefix reproduces the tree', async () => {
    await writeTree(path.join(tmp, 'src'), tree);
    const up = await uploadDirectory(srv.s3, path.join(tmp, 'src'), uri('tree1'), { concurrency: 2 });
    expect(up.map((u) => u.uri)).toEqual([
      uri('tree1/a.txt'),
      uri('tree1/sub/b.txt'),
      uri('tree1/sub/deep/c.bin'),
    ]);
    const listed = await listObjectsArray(srv.s3, uri('tree1/'));
    expect(listed.map((o) => [o.key, o.size])).toEqual([
      ['tree1/a.txt', 5],
      ['tree1/sub/b.txt', 5],
      ['tree1/sub/deep/c.bin', 3000],
    ]);
    const down = await downloadPrefix(srv.s3, uri('tree1'), path.join(tmp, 'dst'), { concurrency: 3 });
    expect(down).toHaveLength(3);
    for (const [rel, content] of Object.entries(tree)) {
      expect(await fs.readFile(path.join(tmp, 'dst', rel))).toEqual(Buffer.from(content));
    }
  });

  test('prefixes act as directories: run1 does not touch run10', async () => {
    await writeTree(path.join(tmp, 'r'), { 'x.txt': 'x' });
    await uploadDirectory(srv.s3, path.join(tmp, 'r'), uri('p/run1'));
    await uploadDirectory(srv.s3, path.join(tmp, 'r'), uri('p/run10'));
    const down = await downloadPrefix(srv.s3, uri('p/run1'), path.join(tmp, 'd'));
    expect(down.map((d) => d.uri)).toEqual([uri('p/run1/x.txt')]);
    expect(await objectExists(srv.s3, uri('p/run10/x.txt'))).toBe(true);
  });

  test('listing follows continuation tokens across pages, lazily and in order', async () => {
    const n = 23;
    const keys = Array.from({ length: n }, (_, i) => `many/k${String(i).padStart(5, '0')}`);
    // Seed with bounded parallel PUTs to keep the test quick.
    for (let i = 0; i < n; i += 50) {
      await Promise.all(
        keys
          .slice(i, i + 50)
          .map((Key) => srv.s3.send(new PutObjectCommand({ Bucket: srv.bucket, Key, Body: 'x' }))),
      );
    }
    let count = 0;
    for await (const o of listObjects(srv.s3, uri('many/'), { pageSize: 5 })) {
      expect(o.key).toBe(keys[count]);
      count++;
    }
    expect(count).toBe(n);
    expect(await listObjectsArray(srv.s3, uri('many/'))).toHaveLength(n);
  });

  test('downloadPrefix refuses keys that would escape the directory, before writing them', async () => {
    // S3 keys are opaque strings; `..` survives as a key segment on the server.
    await srv.s3.send(new PutObjectCommand({ Bucket: srv.bucket, Key: 'evil/..', Body: 'x' }));
    expect((await listObjectsArray(srv.s3, uri('evil/'))).map((o) => o.key)).toEqual(['evil/..']);
    await expect(downloadPrefix(srv.s3, uri('evil'), path.join(tmp, 'safe'))).rejects.toThrow(
      'object "s3://test-bucket/evil/.." has a key that is not a safe relative path',
    );
    expect(await fs.readdir(tmp)).toEqual(['safe']);
    expect(await fs.readdir(path.join(tmp, 'safe'))).toEqual([]);
  });

  test.each(['a/../../x', '/abs', 'a//b', 'a\\b', './a', ''])('keyToRelativePath rejects %j', (rest) => {
    expect(() => keyToRelativePath(`p/${rest}`, 'p/', `s3://b/p/${rest}`)).toThrow(
      'not a safe relative path',
    );
  });
});
