import { Match } from 'aws-cdk-lib/assertions';
import { BATCHES } from '@mlops/contract';
import { renderValue } from '../src/readme/render-intrinsics';
import { actionsOf, roleStatements, SAGEMAKER_LOG_GROUPS, synth, Synth } from './harness';

let t: Synth;
beforeAll(() => {
  t = synth({ env: 'dev' });
});

const definitionOf = (template: Synth['pipeline'], name: string) => {
  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const m = machines.find((r) => r.Properties.StateMachineName === name);
  if (!m) throw new Error(`no state machine ${name}`);
  return JSON.parse(String(renderValue(m.Properties.DefinitionString))) as {
    StartAt: string;
    States: Record<string, Record<string, unknown>>;
  };
};

describe('pipeline stack', () => {
  test('bucket: encrypted, versioned, no public access, TLS only', () => {
    t.pipeline.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    t.pipeline.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  test('SageMaker execution role: its bucket prefixes, its logs, its images', () => {
    const statements = roleStatements(t.pipeline, 'SageMakerRole').map(
      (s) => renderValue(s) as Record<string, unknown>,
    );
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(bySid.ModelObjects?.Resource).toContain('${BucketData.Arn}/iris/*/raw/*');
    expect(
      (bySid.ModelObjects?.Resource as string[]).every((r) =>
        /^\$\{BucketData\.Arn\}\/(iris|mpg)\/\*\/[a-z]+\/\*$/.test(r),
      ),
    ).toBe(true);
    expect(bySid.PullImages?.Resource).toEqual([
      'arn:aws:ecr:${Region}:${Account}:repository/container-iris',
      'arn:aws:ecr:${Region}:${Account}:repository/container-mpg',
    ]);
    expect(bySid.JobLogs?.Resource).toEqual(SAGEMAKER_LOG_GROUPS);
  });

  test('database: Aurora Serverless v2 PostgreSQL, encrypted, password in a rotated secret', () => {
    t.pipeline.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      StorageEncrypted: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 2 },
      MasterUserPassword: Match.anyValue(),
    });
    t.pipeline.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless' });
    t.pipeline.resourceCountIs('AWS::SecretsManager::RotationSchedule', 1);
    // The batches get the password as a secret, never as a plain variable.
    const defs = Object.values(t.pipeline.findResources('AWS::ECS::TaskDefinition'));
    for (const d of defs) {
      const c = d.Properties.ContainerDefinitions[0];
      expect(c.Secrets.map((s: { Name: string }) => s.Name)).toEqual(['PGPASSWORD']);
      expect(c.Environment.map((e: { Name: string }) => e.Name)).not.toContain('PGPASSWORD');
    }
  });

  test('a task definition per batch and one for migrations, each on its pipeline-<batch> image at the pushed tag', () => {
    const families = Object.values(t.pipeline.findResources('AWS::ECS::TaskDefinition')).map(
      (d) => d.Properties.Family,
    );
    expect(families.sort()).toEqual([...BATCHES.map((b) => `mlops-${b}`), 'mlops-migrate'].sort());
    const training = Object.values(t.pipeline.findResources('AWS::ECS::TaskDefinition')).find(
      (d) => d.Properties.Family === 'mlops-training',
    );
    expect(renderValue(training?.Properties.ContainerDefinitions[0].Image)).toBe(
      '${Account}.dkr.ecr.${Region}.amazonaws.com/pipeline-training:abc123def456',
    );
  });

  test('log groups have a retention; failure alarms go to the SNS topic', () => {
    const groups = Object.values(t.pipeline.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const g of groups) expect(g.Properties.RetentionInDays).toBe(30);
    const alarms = Object.values(t.pipeline.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((a) => a.Properties.MetricName).sort()).toEqual([
      'ExecutionsFailed',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
    ]);
    for (const a of alarms) expect(renderValue(a.Properties.AlarmActions)).toEqual(['${Alerts}']);
  });

  test('state machine: per model (Map), every batch in BATCHES order as ecs:runTask.sync, with retry and a failure path', () => {
    const def = definitionOf(t.pipeline, 'mlops-dev-pipeline');
    const map = def.States.models as {
      ItemProcessor: { StartAt: string; States: Record<string, Record<string, unknown>> };
      ItemsPath: string;
    };
    expect(map.ItemsPath).toBe('$.models');
    const inner = map.ItemProcessor.States;
    // Walk the success path from the start: the batches in order.
    const order: string[] = [];
    let at: string | undefined = map.ItemProcessor.StartAt;
    while (at) {
      const s: Record<string, unknown> = inner[at] ?? {};
      if (s.Resource === 'arn:aws:states:::ecs:runTask.sync') {
        order.push(at);
        const overrides = (s.Parameters as { Overrides: { ContainerOverrides: { 'Command.$': string }[] } })
          .Overrides;
        expect(overrides.ContainerOverrides[0]?.['Command.$']).toBe(
          "States.Array('--model', $.model, '--env', 'dev', '--run-id', $.runId, '--config-dir', '/app/configs')",
        );
        expect(s.Retry).toEqual([
          expect.objectContaining({
            ErrorEquals: ['ECS.AmazonECSException', 'ECS.ServerException', 'AmazonECS.Unknown'],
            BackoffRate: 2,
          }),
        ]);
        expect((s.Catch as { ErrorEquals: string[]; Next: string }[]).map((c) => c.ErrorEquals)).toEqual([
          ['States.TaskFailed'],
          ['States.ALL'],
        ]);
      }
      at = s.Next as string | undefined;
    }
    expect(order).toEqual(BATCHES.map((b) => `${b}: run`));
    // The failure path records to S3 and notifies.
    expect(inner['record failure']?.Resource).toBe('arn:aws:states:::aws-sdk:s3:putObject');
    expect(inner['record failure']?.Next).toBe('notify failure');
    expect(inner['notify failure']?.Resource).toBe('arn:aws:states:::sns:publish');
    // Retryable exit codes only: 130 (interrupted), or no exit code (the task never ran).
    const byCode = inner['training: retryable exit code?'] as { Choices: unknown[]; Default: string };
    expect(JSON.stringify(byCode.Choices)).toContain('"NumericEquals":130');
    expect(byCode.Default).toBe('record failure');
    expect(inner['training: backoff']).toMatchObject({ Type: 'Wait', SecondsPath: '$.retry.wait' });
  });

  test('a schedule per environment starts the machine for every model of the config', () => {
    t.pipeline.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'mlops-dev-pipeline',
      ScheduleExpression: 'cron(0 3 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
      Target: Match.objectLike({ Input: JSON.stringify({ models: ['iris', 'mpg'] }) }),
    });
    const prod = synth({ env: 'prod' });
    prod.pipeline.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'mlops-prod-pipeline',
      ScheduleExpression: 'cron(0 2 * * ? *)',
    });
    // prod keeps its data.
    prod.pipeline.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Snapshot',
      Properties: Match.objectLike({ DeletionProtection: true }),
    });
  });

  test('migrations: their own state machine, one task, started by CI after a deploy', () => {
    const def = definitionOf(t.pipeline, 'mlops-dev-migrate');
    expect(def.States[def.StartAt]?.Resource).toBe('arn:aws:states:::ecs:runTask.sync');
    expect(actionsOf(roleStatements(t.ci, 'DeployRole'))).toEqual([
      'states:DescribeExecution',
      'states:StartExecution',
      'sts:AssumeRole',
    ]);
  });
});

describe('registry stack', () => {
  test('a repository per image: scan on push, immutable tags, lifecycle', () => {
    const repos = Object.values(t.registry.findResources('AWS::ECR::Repository'));
    expect(repos.map((r) => r.Properties.RepositoryName).sort()).toEqual(
      ['container-iris', 'container-mpg', ...BATCHES.map((b) => `pipeline-${b}`)].sort(),
    );
    for (const r of repos) {
      expect(r.Properties.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
      expect(r.Properties.ImageTagMutability).toBe('IMMUTABLE');
      expect(JSON.parse(r.Properties.LifecyclePolicy.LifecyclePolicyText).rules).toHaveLength(2);
    }
  });
});
