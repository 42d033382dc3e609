import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeIfExists } from '../src/sagemaker/describe-if-exists';

// What only AWS produces: SageMaker's JSON error answers. A loopback server gives the real SDK client
// the exact bytes, so its error parsing is part of the test.
const answers: Record<string, { status: number; body: unknown }> = {
  known: { status: 200, body: { TrainingJobName: 'known', TrainingJobStatus: 'Completed' } },
  unknown: { status: 400, body: { __type: 'ValidationException', message: 'Requested resource not found.' } },
  'too-long': {
    status: 400,
    body: {
      __type: 'ValidationException',
      message:
        "1 validation error detected: Value 'too-long' at 'trainingJobName' failed to satisfy constraint: " +
        'Member must have length less than or equal to 63',
    },
  },
  denied: { status: 400, body: { __type: 'AccessDeniedException', message: 'not authorized' } },
};

let server: http.Server;
let sm: SageMakerClient;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const answer = answers[(JSON.parse(raw) as { TrainingJobName: string }).TrainingJobName];
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sm = new SageMakerClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  sm.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('describeIfExists', () => {
  it('describes a job SageMaker knows', async () => {
    await expect(describeIfExists(sm, 'training', 'known')).resolves.toMatchObject({
      jobName: 'known',
      status: 'Completed',
    });
  });

  it('is undefined for ValidationException "Requested resource not found." (an unknown name)', async () => {
    await expect(describeIfExists(sm, 'training', 'unknown')).resolves.toBeUndefined();
  });

  it.each([
    ['too-long', 'ValidationException'],
    ['denied', 'AccessDeniedException'],
  ])('rethrows any other error (%s → %s)', async (name, errorName) => {
    await expect(describeIfExists(sm, 'training', name)).rejects.toMatchObject({ name: errorName });
  });
});
