import { ListTrainingJobsCommand } from '@aws-sdk/client-sagemaker';
import { Harness, startHarness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('a request body over the 16 MiB limit', () => {
  const big = 'x'.repeat(20 * 1024 * 1024);

  it('gets an AWS-style 413 error response, not a connection reset', async () => {
    const res = await fetch(h.emulator.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'SageMaker.ListTrainingJobs' },
      body: JSON.stringify({ NameContains: big }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
    expect(await res.json()).toEqual({
      __type: 'SerializationException',
      message: expect.stringMatching(/^Request body of \d+ bytes exceeds the limit of 16777216 bytes$/),
    });
  });

  it('surfaces in the stock SDK as that error, and the server keeps answering', async () => {
    const err = await h.sm.send(new ListTrainingJobsCommand({ NameContains: big })).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'SerializationException', $metadata: { httpStatusCode: 413 } });
    const ok = await h.sm.send(new ListTrainingJobsCommand({}));
    expect(ok.$metadata.httpStatusCode).toBe(200);
  });
});
