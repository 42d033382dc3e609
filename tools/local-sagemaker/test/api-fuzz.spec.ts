// Property-based: whatever a signed client sends, the API answers in AWS's shape (200, or a 4xx with a
// known __type) and keeps answering; nothing crashes the request parser or the validation into a 500.
import fc from 'fast-check';
import { Harness, signedPost, startHarness, trainingRequest } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const KNOWN = new Set([
  'ValidationException',
  'SerializationException',
  'ResourceInUse',
  'UnknownOperationException',
]);

async function post(target: string, body: string): Promise<{ status: number; type?: string }> {
  const res = await signedPost(h.emulator, target, body);
  return { status: res.status, type: ((await res.json()) as { __type?: string }).__type };
}

const answersLikeAws = (r: { status: number; type?: string }) =>
  r.status === 200 || (r.status >= 400 && r.status < 500 && KNOWN.has(String(r.type)));

it('answers any text body with an AWS-shaped error, never a 500', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 200 }), async (body) => {
      const r = await post('SageMaker.CreateTrainingJob', body);
      return answersLikeAws(r) && r.status !== 200;
    }),
    { numRuns: 60 },
  );
});

it('answers any JSON value in place of any member of a valid CreateTrainingJob like AWS', async () => {
  const valid = trainingRequest('fuzz-base', 's3://test-bucket/out');
  const members = Object.keys(valid);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...members),
      fc.jsonValue({ maxDepth: 3 }),
      fc.nat(),
      async (member, value, n) => {
        const body = { ...valid, TrainingJobName: `fuzz-${n}`, [member]: value };
        const r = await post('SageMaker.CreateTrainingJob', JSON.stringify(body));
        return answersLikeAws(r);
      },
    ),
    { numRuns: 80 },
  );
});

it('answers any JSON object to Describe, Stop and List operations like AWS', async () => {
  const targets = [
    'DescribeTrainingJob',
    'StopTrainingJob',
    'ListTrainingJobs',
    'DescribeProcessingJob',
    'ListProcessingJobs',
  ];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...targets),
      fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })),
      async (t, body) => {
        return answersLikeAws(await post(`SageMaker.${t}`, JSON.stringify(body)));
      },
    ),
    { numRuns: 80 },
  );
  // Still answering after all that.
  expect((await post('SageMaker.ListTrainingJobs', '{}')).status).toBe(200);
});
