import type { CreateProcessingJobRequest, CreateTrainingJobRequest } from '@aws-sdk/client-sagemaker';
import { JOB_NAME_PATTERN } from '../naming/job-name';
import { JobSpecValidationError, SpecViolation } from './job-spec-validation-error';

// API constraints from ../shared/reference/sagemaker-api-constraints.md, checked before any call because
// the SDK validates nothing and a bad request would otherwise fail only at the service. Interim: to be
// replaced by @mlops/aws's sagemaker-client validation once it is published (see README).

const S3_URI = /^(https|s3):\/\/([^/]+)\/?(.*)$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const CHANNEL_NAME = /^[A-Za-z0-9.\-_]+$/;
const ENV_KEY = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

class Checker {
  readonly violations: SpecViolation[] = [];
  check(ok: boolean, path: string, value: unknown, rule: string): void {
    if (!ok) this.violations.push({ path, value, rule });
  }
  length(value: string | undefined, path: string, min: number, max: number): void {
    this.check(
      value !== undefined && value.length >= min && value.length <= max,
      path,
      value,
      `must have length ${min}..${max}`,
    );
  }
  intRange(value: number | undefined, path: string, min: number, max: number): void {
    this.check(
      value !== undefined && Number.isInteger(value) && value >= min && value <= max,
      path,
      value,
      `must be an integer in ${min}..${max}`,
    );
  }
  s3Uri(value: string | undefined, path: string): void {
    this.check(
      value !== undefined && value.length <= 1024 && S3_URI.test(value),
      path,
      value,
      'must be an s3:// URI of at most 1024 chars',
    );
  }
  common(name: string | undefined, nameField: string, roleArn: string | undefined): void {
    this.check(
      name !== undefined && name.length <= 63 && JOB_NAME_PATTERN.test(name),
      nameField,
      name,
      'must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}',
    );
    this.check(
      roleArn !== undefined && roleArn.length >= 20 && roleArn.length <= 2048 && ROLE_ARN.test(roleArn),
      'RoleArn',
      roleArn,
      'must be an IAM role ARN',
    );
  }
  env(env: Record<string, string> | undefined, maxLen: number): void {
    const entries = Object.entries(env ?? {});
    this.check(entries.length <= 100, 'Environment', entries.length, 'must have at most 100 entries');
    for (const [k, v] of entries) {
      this.check(
        k.length <= maxLen && ENV_KEY.test(k),
        `Environment.${k}`,
        k,
        `key must match [a-zA-Z_][a-zA-Z0-9_]* (max ${maxLen})`,
      );
      this.check(v.length <= maxLen, `Environment.${k}`, v, `value must have length 0..${maxLen}`);
    }
  }
  done(jobName: string | undefined): void {
    if (this.violations.length > 0)
      throw new JobSpecValidationError(jobName ?? '(unnamed job)', this.violations);
  }
}

export function validateTrainingRequest(req: CreateTrainingJobRequest): void {
  const c = new Checker();
  c.common(req.TrainingJobName, 'TrainingJobName', req.RoleArn);
  const algo = req.AlgorithmSpecification;
  c.length(algo?.TrainingImage, 'AlgorithmSpecification.TrainingImage', 1, 255);
  const metrics = algo?.MetricDefinitions ?? [];
  c.check(
    metrics.length <= 40,
    'AlgorithmSpecification.MetricDefinitions',
    metrics.length,
    'must have at most 40 entries',
  );
  metrics.forEach((m, i) => {
    c.length(m.Name, `AlgorithmSpecification.MetricDefinitions[${i}].Name`, 1, 255);
    c.length(m.Regex, `AlgorithmSpecification.MetricDefinitions[${i}].Regex`, 1, 500);
  });
  const hp = Object.entries(req.HyperParameters ?? {});
  c.check(hp.length <= 100, 'HyperParameters', hp.length, 'must have at most 100 entries');
  for (const [k, v] of hp) {
    c.check(k.length >= 1 && k.length <= 256, `HyperParameters.${k}`, k, 'key must have length 1..256');
    c.check(typeof v === 'string', `HyperParameters.${k}`, v, 'value must be a string');
    if (typeof v === 'string') c.length(v, `HyperParameters.${k}`, 0, 2500);
  }
  const channels = req.InputDataConfig ?? [];
  c.check(
    channels.length >= 1 && channels.length <= 20,
    'InputDataConfig',
    channels.length,
    'must have 1..20 channels',
  );
  const seen = new Set<string>();
  channels.forEach((ch, i) => {
    const name = ch.ChannelName ?? '';
    c.check(
      name.length <= 64 && CHANNEL_NAME.test(name),
      `InputDataConfig[${i}].ChannelName`,
      name,
      'must match [A-Za-z0-9.\\-_]+ (max 64)',
    );
    c.check(!seen.has(name), `InputDataConfig[${i}].ChannelName`, name, 'must be unique');
    seen.add(name);
    c.s3Uri(ch.DataSource?.S3DataSource?.S3Uri, `InputDataConfig[${i}].DataSource.S3DataSource.S3Uri`);
  });
  c.s3Uri(req.OutputDataConfig?.S3OutputPath, 'OutputDataConfig.S3OutputPath');
  if (req.CheckpointConfig) c.s3Uri(req.CheckpointConfig.S3Uri, 'CheckpointConfig.S3Uri');
  c.intRange(req.ResourceConfig?.InstanceCount, 'ResourceConfig.InstanceCount', 1, 100);
  c.intRange(req.ResourceConfig?.VolumeSizeInGB, 'ResourceConfig.VolumeSizeInGB', 1, 16384);
  c.intRange(
    req.StoppingCondition?.MaxRuntimeInSeconds,
    'StoppingCondition.MaxRuntimeInSeconds',
    1,
    2_419_200,
  );
  c.env(req.Environment, 512);
  c.done(req.TrainingJobName);
}

export function validateProcessingRequest(req: CreateProcessingJobRequest): void {
  const c = new Checker();
  c.common(req.ProcessingJobName, 'ProcessingJobName', req.RoleArn);
  const app = req.AppSpecification;
  c.length(app?.ImageUri, 'AppSpecification.ImageUri', 1, 255);
  for (const field of ['ContainerEntrypoint', 'ContainerArguments'] as const) {
    const list = app?.[field];
    if (list === undefined) continue;
    c.check(
      list.length >= 1 && list.length <= 100,
      `AppSpecification.${field}`,
      list.length,
      'must have 1..100 items',
    );
    list.forEach((s, i) => c.length(s, `AppSpecification.${field}[${i}]`, 0, 256));
  }
  const inputs = req.ProcessingInputs ?? [];
  c.check(inputs.length <= 10, 'ProcessingInputs', inputs.length, 'must have at most 10 entries');
  inputs.forEach((inp, i) => {
    c.s3Uri(inp.S3Input?.S3Uri, `ProcessingInputs[${i}].S3Input.S3Uri`);
    const local = inp.S3Input?.LocalPath ?? '';
    c.check(
      local.startsWith('/opt/ml/processing/') && local.length <= 256,
      `ProcessingInputs[${i}].S3Input.LocalPath`,
      local,
      'must start with /opt/ml/processing/ (max 256)',
    );
  });
  const outputs = req.ProcessingOutputConfig?.Outputs ?? [];
  c.check(
    outputs.length <= 10,
    'ProcessingOutputConfig.Outputs',
    outputs.length,
    'must have at most 10 entries',
  );
  outputs.forEach((out, i) => {
    c.s3Uri(out.S3Output?.S3Uri, `ProcessingOutputConfig.Outputs[${i}].S3Output.S3Uri`);
    const local = out.S3Output?.LocalPath ?? '';
    c.check(
      local.startsWith('/opt/ml/processing/') && local.length <= 256,
      `ProcessingOutputConfig.Outputs[${i}].S3Output.LocalPath`,
      local,
      'must start with /opt/ml/processing/ (max 256)',
    );
  });
  const cluster = req.ProcessingResources?.ClusterConfig;
  c.intRange(cluster?.InstanceCount, 'ProcessingResources.ClusterConfig.InstanceCount', 1, 100);
  c.intRange(cluster?.VolumeSizeInGB, 'ProcessingResources.ClusterConfig.VolumeSizeInGB', 1, 16384);
  c.intRange(req.StoppingCondition?.MaxRuntimeInSeconds, 'StoppingCondition.MaxRuntimeInSeconds', 1, 777_600);
  c.env(req.Environment, 256);
  c.done(req.ProcessingJobName);
}
