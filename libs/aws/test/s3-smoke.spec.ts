import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startS3Server, TestS3 } from './support/s3-server';
import { uploadFile, downloadFile, listObjectsArray, objectExists } from '../src';

let srv: TestS3;
beforeAll(async () => {
  srv = await startS3Server();
});
afterAll(async () => srv.close());

test('smoke', async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'smoke-'));
  const f = path.join(tmp, 'big.bin');
  const buf = Buffer.alloc(12 * 1024 * 1024, 7);
  await fs.writeFile(f, buf);
  await uploadFile(srv.s3, f, `s3://${srv.bucket}/a/big.bin`, { partSize: 5 * 1024 * 1024 });
  expect(await objectExists(srv.s3, `s3://${srv.bucket}/a/big.bin`)).toBe(true);
  expect(await objectExists(srv.s3, `s3://${srv.bucket}/a/none`)).toBe(false);
  const l = await listObjectsArray(srv.s3, `s3://${srv.bucket}/a/`);
  expect(l.map((o) => o.size)).toEqual([buf.length]);
  await downloadFile(srv.s3, `s3://${srv.bucket}/a/big.bin`, path.join(tmp, 'out.bin'));
  expect((await fs.readFile(path.join(tmp, 'out.bin'))).equals(buf)).toBe(true);
});
