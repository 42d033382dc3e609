import { allowWildcards } from '../nag-wildcards';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { ISecurityGroup, IVpc } from 'aws-cdk-lib/aws-ec2';
import { IRepository } from 'aws-cdk-lib/aws-ecr';
import {
  Cluster,
  ContainerDefinition,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  FargateTaskDefinition,
  LogDrivers,
  OperatingSystemFamily,
  Secret,
} from 'aws-cdk-lib/aws-ecs';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface BatchTasksProps {
  vpc: IVpc;
  securityGroups: ISecurityGroup[];
  /** One task definition each: the batches, and the one-off migration. */
  tasks: readonly TaskSpec[];
  imageTag: string;
  /** Policy of the batches' shared task role (generated from the SDK operations they send). */
  statements: PolicyStatement[];
  /** Non-secret config overrides (`MLOPS__...`) naming what infra created. */
  environment: Record<string, string>;
  /** Secret env vars, e.g. PGPASSWORD from the database secret. */
  secrets: Record<string, Secret>;
  logRetention: RetentionDays;
}

export interface TaskSpec {
  name: string;
  repository: IRepository;
  /** Default command; the state machine overrides it for the batches. */
  command?: string[];
}

export const BATCH_CONTAINER = 'batch';

/** The ECS cluster and one Fargate task definition per batch, each running its `pipeline-<batch>` image. */
export class BatchTasks extends Construct {
  readonly cluster: Cluster;
  readonly logGroup: LogGroup;
  readonly taskRole: Role;
  readonly definitions = new Map<string, FargateTaskDefinition>();
  readonly containers = new Map<string, ContainerDefinition>();

  constructor(scope: Construct, id: string, props: BatchTasksProps) {
    super(scope, id);
    this.cluster = new Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ContainerInsights.ENABLED,
    });
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.taskRole = new Role(this, 'TaskRole', {
      assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: 'The batches (apps/pipeline-*): exactly the AWS SDK operations they send',
    });
    for (const s of props.statements) this.taskRole.addToPolicy(s);
    allowWildcards(
      this.taskRole,
      'Wildcards only where names are made at run time: the run id inside each model key prefix (<model>/*/<kind>/*), ' +
        "job names <model>-* and the SageMaker log groups' streams; infra/test/iam.spec.ts checks the actions are exactly the SDK operations the batches send.",
    );
    // One execution role for all: pulls the batch images, writes their logs, reads the DB secret.
    const executionRole = new Role(this, 'ExecutionRole', {
      assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com'),
    });
    allowWildcards(
      executionRole,
      'ecr:GetAuthorizationToken has no resource type (IAM requires "*"); pulls and logs are on named resources.',
    );
    for (const { name, repository, command } of props.tasks) {
      const def = new FargateTaskDefinition(this, `${name}Task`, {
        family: `mlops-${name}`,
        cpu: 512,
        memoryLimitMiB: 1024,
        runtimePlatform: {
          cpuArchitecture: CpuArchitecture.X86_64,
          operatingSystemFamily: OperatingSystemFamily.LINUX,
        },
        taskRole: this.taskRole,
        executionRole,
      });
      const container = def.addContainer(BATCH_CONTAINER, {
        image: ContainerImage.fromEcrRepository(repository, props.imageTag),
        logging: LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: name }),
        environment: props.environment,
        secrets: props.secrets,
        ...(command ? { command } : {}),
      });
      Validations.of(def).acknowledge({
        id: 'AwsSolutions-ECS2',
        reason:
          'Plain settings only (bucket, region, role ARN, DB host, image refs as MLOPS__ overrides); the password comes from Secrets Manager as a secret.',
      });
      this.definitions.set(name, def);
      this.containers.set(name, container);
    }
  }
}
