import { ArnFormat, CfnOutput, Stack, StackProps, TimeZone } from 'aws-cdk-lib';
import { SubnetType } from 'aws-cdk-lib/aws-ec2';
import { Repository } from 'aws-cdk-lib/aws-ecr';
import { Secret as EcsSecret } from 'aws-cdk-lib/aws-ecs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { grantsOf, PIPELINE_OPERATIONS } from '../iam/sdk-operations';
import { runKeyPatterns } from '../iam/s3-patterns';
import { ScopeResolver, ScopeTarget, statementsFor } from '../iam/statements';
import { EnvSettings } from '../settings';
import { batchImage, WorkspaceModel } from '../workspace/workspace-model';
import { BatchTasks } from '../constructs/batch-tasks';
import { DataBucket } from '../constructs/data-bucket';
import { Database, DB_NAME, DB_USER } from '../constructs/database';
import { Network } from '../constructs/network';
import { Orchestrator } from '../constructs/orchestrator';
import { SageMakerRole, sageMakerLogGroupArns } from '../constructs/sagemaker-role';

export interface PipelineStackProps extends StackProps {
  settings: EnvSettings;
  workspace: WorkspaceModel;
}

/** Where the batch images find `<env>.yaml` (build-app.mjs copies configs/ into the image's dist/). */
export const CONFIG_DIR = '/app/configs';
export const MIGRATION_TASK = 'migrate';

/** Everything one environment runs on: data, network, database, roles, batch tasks, orchestrator. */
export class PipelineStack extends Stack {
  readonly orchestrator: Orchestrator;
  readonly batchTaskRole: Role;
  readonly sageMakerRole: Role;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { settings, workspace } = props;
    const env = settings.env;
    const logRetention = settings.logRetentionDays as RetentionDays;

    const { bucket } = new DataBucket(this, 'Bucket', { retain: settings.retainData });
    const { vpc } = new Network(this, 'Network', { vpcId: settings.vpcId, logRetention });
    const db = new Database(this, 'Database', {
      vpc,
      minCapacity: settings.dbMinCapacity,
      maxCapacity: settings.dbMaxCapacity,
      logRetention,
      retain: settings.retainData,
      clusterIdentifier: `mlops-${env}`,
    });

    const keyPatterns = workspace.models.flatMap(runKeyPatterns);
    const arn = (
      service: string,
      resource: string,
      resourceName: string,
      arnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    ) => this.formatArn({ service, resource, resourceName, arnFormat });
    const repositoryArn = (image: string) => arn('ecr', 'repository', image);
    const sagemaker = new SageMakerRole(this, 'SageMaker', {
      roleName: `mlops-${env}-sagemaker-execution`,
      bucket,
      keyPatterns,
      repositories: workspace.containerApps.map(repositoryArn),
    });

    // The batches' role, generated from the SDK operations they send (src/iam/sdk-operations.ts).
    const jobNames = workspace.models.map((m) => `${m.name}-*`);
    const resolve: ScopeResolver = (scope): ScopeTarget => {
      switch (scope) {
        case 'model-objects':
          return { resources: keyPatterns.map((p) => bucket.arnForObjects(p)) };
        case 'bucket-listing':
          return { resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': keyPatterns } } };
        case 'training-jobs':
          return { resources: jobNames.map((n) => arn('sagemaker', 'training-job', n)) };
        case 'processing-jobs':
          return { resources: jobNames.map((n) => arn('sagemaker', 'processing-job', n)) };
        case 'sagemaker-logs':
          return { resources: sageMakerLogGroupArns(this) };
        case 'repositories':
          // The model images (what the jobs run): the pre-flight's existence check and the step cache's digests.
          return { resources: workspace.containerApps.map(repositoryArn) };
        case 'execution-role':
          return {
            resources: [sagemaker.role.roleArn],
            conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
          };
        default:
          throw new Error(`PipelineStack: the batches have no resources for scope "${scope}"`);
      }
    };

    const repositories = new Map(
      workspace.batches.map((b) => [b, Repository.fromRepositoryName(this, `${b}Repository`, batchImage(b))]),
    );
    const firstBatch = must(workspace.batches[0]);
    const modelImage = (app: string) =>
      `${this.account}.dkr.ecr.${this.region}.${this.urlSuffix}/${app}:${settings.imageTag}`;
    // What infra created overrides the config's placeholders (config-reader's MLOPS__ overrides).
    const environment: Record<string, string> = {
      MLOPS__AWS__REGION: this.region,
      MLOPS__AWS__BUCKET: bucket.bucketName,
      MLOPS__AWS__ROLE_ARN: sagemaker.role.roleArn,
      MLOPS__DB__HOST: db.cluster.clusterEndpoint.hostname,
      MLOPS__DB__PORT: String(db.cluster.clusterEndpoint.port),
      MLOPS__DB__DATABASE: DB_NAME,
      MLOPS__DB__USER: DB_USER,
      ...Object.fromEntries(
        workspace.models
          .filter((m) => workspace.containerApps.includes(`container-${m.name}`))
          .map((m) => [`MLOPS__MODELS__${envSegment(m.name)}__IMAGE`, modelImage(`container-${m.name}`)]),
      ),
    };
    const tasks = new BatchTasks(this, 'Batches', {
      vpc,
      securityGroups: [db.clientSecurityGroup],
      tasks: [
        ...workspace.batches.map((b) => ({ name: b, repository: must(repositories.get(b)) })),
        // The first batch's image carries @mlops/db and its migrations.
        { name: MIGRATION_TASK, repository: must(repositories.get(firstBatch)) },
      ],
      imageTag: settings.imageTag,
      statements: statementsFor(grantsOf(PIPELINE_OPERATIONS), resolve),
      environment,
      secrets: { PGPASSWORD: EcsSecret.fromSecretsManager(must(db.cluster.secret), 'password') },
      logRetention,
    });

    const key = new Key(this, 'AlertsKey', {
      enableKeyRotation: true,
      description: `mlops ${env} alerts topic`,
    });
    // CloudWatch alarms publish to the encrypted topic.
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const topic = new Topic(this, 'Alerts', {
      topicName: `mlops-${env}-alerts`,
      masterKey: key,
      enforceSSL: true,
    });

    this.batchTaskRole = tasks.taskRole;
    this.sageMakerRole = sagemaker.role;
    this.orchestrator = new Orchestrator(this, 'Orchestrator', {
      env,
      batches: workspace.batches,
      tasks,
      subnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [db.clientSecurityGroup],
      bucket,
      topic,
      logRetention,
      configDir: CONFIG_DIR,
      migrationTask: MIGRATION_TASK,
    });

    if (settings.schedule !== 'none') {
      new Schedule(this, 'Schedule', {
        scheduleName: `mlops-${env}-pipeline`,
        description: `Every model of configs/${env}.yaml through every batch`,
        schedule: ScheduleExpression.expression(settings.schedule, TimeZone.of(settings.scheduleTimezone)),
        target: new StepFunctionsStartExecution(this.orchestrator.stateMachine, {
          input: ScheduleTargetInput.fromObject({ models: workspace.models.map((m) => m.name) }),
        }),
      });
    }

    new CfnOutput(this, 'BucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'StateMachineArn', { value: this.orchestrator.stateMachine.stateMachineArn });
    new CfnOutput(this, 'MigrationStateMachineArn', { value: this.orchestrator.migration.stateMachineArn });
    new CfnOutput(this, 'BatchLogGroup', { value: tasks.logGroup.logGroupName });
    new CfnOutput(this, 'AlertsTopicArn', { value: topic.topicArn });
  }
}

/** A model name as an override segment (`my-model` → `MY_MODEL`; config-reader ignores `_` and `-`). */
const envSegment = (name: string): string => name.toUpperCase().replace(/-/g, '_');

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('PipelineStack: missing value');
  return value;
}
