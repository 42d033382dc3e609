import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsEndpointConfig } from '../../src/config/aws-endpoint-config';

/**
 * A small SageMaker + CloudWatch Logs JSON-protocol server on loopback, so the real SDK clients
 * (serialization, retries, error parsing) are exercised over HTTP. Each job follows a script of
 * Describe states, advancing one step per Describe call. To be replaced by tools/local-sagemaker
 * in end-to-end tests once that can run as a process.
 */
export interface ScriptStep {
  status: string;
  secondaryStatus?: string;
  message?: string;
  failureReason?: string;
  metrics?: Record<string, number>;
}

export interface FakeLogEvent {
  stream: string;
  timestamp: number;
  message: string;
}

export interface FakeSageMaker {
  cfg: AwsEndpointConfig;
  /** Every request's X-Amz-Target and parsed body, in arrival order. */
  requests: { target: string; body: Record<string, unknown> }[];
  /** Script for a job name, set before the job is created (default: Starting → Training → Completed). */
  script(jobName: string, steps: ScriptStep[]): void;
  logs(jobName: string, events: FakeLogEvent[]): void;
  /** The next `n` requests (optionally only to `target`) answer 400 ThrottlingException. */
  throttle(n: number, target?: string): void;
  /** The next Create registers the job but answers 500, as if the response was lost in transit. */
  loseNextCreateResponse(): void;
  close(): Promise<void>;
}

interface Job {
  kind: 'training' | 'processing';
  name: string;
  request: Record<string, unknown>;
  steps: ScriptStep[];
  describes: number;
  created: number;
}

const DEFAULT_STEPS: ScriptStep[] = [
  { status: 'InProgress', secondaryStatus: 'Starting', message: 'Preparing the instances for training' },
  { status: 'InProgress', secondaryStatus: 'Training', message: 'Training image download completed' },
  {
    status: 'Completed',
    secondaryStatus: 'Completed',
    message: 'Training job completed',
    metrics: { loss: 0.25 },
  },
];

export async function startFakeSageMaker(): Promise<FakeSageMaker> {
  const jobs = new Map<string, Job>();
  const scripts = new Map<string, ScriptStep[]>();
  const logEvents = new Map<string, FakeLogEvent[]>();
  const requests: FakeSageMaker['requests'] = [];
  let throttles: { n: number; target?: string } = { n: 0 };
  let loseCreate = false;

  const stepOf = (job: Job) => job.steps[Math.min(job.describes, job.steps.length - 1)];

  const describeTraining = (job: Job) => {
    job.describes++;
    const upTo = job.steps.slice(0, Math.min(job.describes, job.steps.length));
    const step = upTo[upTo.length - 1];
    const req = job.request as { OutputDataConfig?: { S3OutputPath?: string } };
    return {
      TrainingJobName: job.name,
      TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${job.name}`,
      TrainingJobStatus: step.status,
      SecondaryStatus: step.secondaryStatus,
      FailureReason: step.failureReason,
      CreationTime: job.created / 1000,
      SecondaryStatusTransitions: upTo
        .filter((s) => s.secondaryStatus)
        .map((s) => ({ Status: s.secondaryStatus, StartTime: job.created / 1000, StatusMessage: s.message })),
      FinalMetricDataList: step.metrics
        ? Object.entries(step.metrics).map(([MetricName, Value]) => ({
            MetricName,
            Value,
            Timestamp: job.created / 1000,
          }))
        : undefined,
      ModelArtifacts:
        step.status === 'Completed'
          ? { S3ModelArtifacts: `${req.OutputDataConfig?.S3OutputPath}/${job.name}/output/model.tar.gz` }
          : undefined,
      OutputDataConfig: req.OutputDataConfig,
      AlgorithmSpecification: (job.request as { AlgorithmSpecification?: unknown }).AlgorithmSpecification,
      RoleArn: (job.request as { RoleArn?: string }).RoleArn,
      ResourceConfig: (job.request as { ResourceConfig?: unknown }).ResourceConfig,
      StoppingCondition: (job.request as { StoppingCondition?: unknown }).StoppingCondition,
    };
  };

  const describeProcessing = (job: Job) => {
    job.describes++;
    const step = job.steps[Math.min(job.describes, job.steps.length) - 1];
    return {
      ...job.request,
      ProcessingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:processing-job/${job.name}`,
      ProcessingJobStatus: step.status,
      FailureReason: step.failureReason,
      CreationTime: job.created / 1000,
    };
  };

  const err = (type: string, message: string) => ({ status: 400, body: { __type: type, message } });

  const handlers: Record<string, (b: Record<string, unknown>) => { status?: number; body: unknown }> = {
    'SageMaker.CreateTrainingJob': (b) => create('training', String(b.TrainingJobName), b),
    'SageMaker.CreateProcessingJob': (b) => create('processing', String(b.ProcessingJobName), b),
    'SageMaker.DescribeTrainingJob': (b) => {
      const job = jobs.get(String(b.TrainingJobName));
      return job
        ? { body: describeTraining(job) }
        : err('ValidationException', 'Requested resource not found.');
    },
    'SageMaker.DescribeProcessingJob': (b) => {
      const job = jobs.get(String(b.ProcessingJobName));
      return job
        ? { body: describeProcessing(job) }
        : err('ValidationException', 'Requested resource not found.');
    },
    'SageMaker.StopTrainingJob': (b) => stop(String(b.TrainingJobName)),
    'SageMaker.StopProcessingJob': (b) => stop(String(b.ProcessingJobName)),
    'Logs_20140328.DescribeLogStreams': (b) => {
      const prefix = String(b.logStreamNamePrefix ?? '');
      const names = new Set<string>();
      for (const events of logEvents.values())
        for (const e of events) if (e.stream.startsWith(prefix)) names.add(e.stream);
      if (names.size === 0 && [...jobs.keys()].length === 0) {
        return err('ResourceNotFoundException', 'The specified log group does not exist.');
      }
      return { body: { logStreams: [...names].sort().map((logStreamName) => ({ logStreamName })) } };
    },
    'Logs_20140328.GetLogEvents': (b) => {
      const stream = String(b.logStreamName);
      const all = [...logEvents.values()].flat().filter((e) => e.stream === stream);
      const from = typeof b.nextToken === 'string' ? Number(b.nextToken.slice(2)) : 0;
      const limit = typeof b.limit === 'number' ? b.limit : 2; // small pages exercise token handling
      const page = all.slice(from, from + limit);
      return {
        body: {
          events: page.map((e) => ({
            timestamp: e.timestamp,
            message: e.message,
            ingestionTime: e.timestamp,
          })),
          nextForwardToken: `f/${from + page.length}`,
          nextBackwardToken: `b/${from}`,
        },
      };
    },
  };

  function create(kind: Job['kind'], name: string, request: Record<string, unknown>) {
    if (jobs.has(name))
      return err(
        'ResourceInUse',
        `Job name must be unique within an AWS account and region, and a job with this name already exists (${name})`,
      );
    jobs.set(name, {
      kind,
      name,
      request,
      steps: scripts.get(name) ?? DEFAULT_STEPS,
      describes: 0,
      created: Date.now(),
    });
    if (loseCreate) {
      loseCreate = false;
      return { status: 500, body: { __type: 'InternalFailure', message: 'connection reset after commit' } };
    }
    const arnKind = kind === 'training' ? 'training-job' : 'processing-job';
    const arn = `arn:aws:sagemaker:us-east-1:123456789012:${arnKind}/${name}`;
    return { body: kind === 'training' ? { TrainingJobArn: arn } : { ProcessingJobArn: arn } };
  }

  function stop(name: string) {
    const job = jobs.get(name);
    if (!job) return err('ValidationException', 'Requested resource not found.');
    const cur = stepOf(job);
    job.steps = [
      ...job.steps.slice(0, job.describes),
      { ...cur, status: 'Stopping' },
      { ...cur, status: 'Stopped', secondaryStatus: 'Stopped' },
    ];
    return { body: {} };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : {};
      requests.push({ target, body });
      let out: { status?: number; body: unknown };
      if (throttles.n > 0 && (!throttles.target || throttles.target === target)) {
        throttles = { ...throttles, n: throttles.n - 1 };
        out = err('ThrottlingException', 'Rate exceeded');
      } else {
        const h = handlers[target];
        out = h ? h(body) : err('UnknownOperationException', `no handler for ${target}`);
      }
      res.writeHead(out.status ?? 200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    cfg: {
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    },
    requests,
    script: (name, steps) => void scripts.set(name, steps),
    logs: (name, events) => void logEvents.set(name, events),
    throttle: (n, target) => void (throttles = { n, target }),
    loseNextCreateResponse: () => void (loseCreate = true),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
