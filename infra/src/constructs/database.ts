import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { IVpc, Port, SecurityGroup, SubnetType } from 'aws-cdk-lib/aws-ec2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AuroraPostgresEngineVersion,
  ClusterInstance,
  Credentials,
  DatabaseCluster,
  DatabaseClusterEngine,
} from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface DatabaseProps {
  vpc: IVpc;
  minCapacity: number;
  maxCapacity: number;
  logRetention: RetentionDays;
  retain: boolean;
  /** Fixed, so the log group can be created (with its retention) before RDS exports to it. */
  clusterIdentifier: string;
}

export const DB_NAME = 'mlops';
export const DB_USER = 'mlops';

/** Aurora Serverless v2 PostgreSQL; the password lives in Secrets Manager and rotates. */
export class Database extends Construct {
  readonly cluster: DatabaseCluster;
  /** Clients (the batch tasks) join this group to reach the database. */
  readonly clientSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    this.clientSecurityGroup = new SecurityGroup(this, 'Clients', {
      vpc: props.vpc,
      description: 'Batch tasks: may reach the pipeline database',
    });
    this.cluster = new DatabaseCluster(this, 'Cluster', {
      engine: DatabaseClusterEngine.auroraPostgres({ version: AuroraPostgresEngineVersion.VER_16_6 }),
      credentials: Credentials.fromGeneratedSecret(DB_USER),
      defaultDatabaseName: DB_NAME,
      writer: ClusterInstance.serverlessV2('Writer'),
      serverlessV2MinCapacity: props.minCapacity,
      serverlessV2MaxCapacity: props.maxCapacity,
      vpc: props.vpc,
      vpcSubnets: {
        subnetType:
          props.vpc.isolatedSubnets.length > 0 ? SubnetType.PRIVATE_ISOLATED : SubnetType.PRIVATE_WITH_EGRESS,
      },
      storageEncrypted: true,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
      backup: { retention: Duration.days(props.retain ? 14 : 1) },
      clusterIdentifier: props.clusterIdentifier,
      cloudwatchLogsExports: ['postgresql'],
      iamAuthentication: false,
    });
    // A LogGroup here instead of `cloudwatchLogsRetention`, which adds a custom-resource Lambda.
    const logs = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/rds/cluster/${props.clusterIdentifier}/postgresql`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.cluster.node.addDependency(logs);
    this.cluster.connections.allowFrom(
      this.clientSecurityGroup,
      Port.tcp(this.cluster.clusterEndpoint.port),
      'batch tasks',
    );
    this.cluster.addRotationSingleUser({ automaticallyAfter: Duration.days(30) });
    const acknowledge = (id: string, reason: string) =>
      Validations.of(this.cluster).acknowledge({ id, reason });
    acknowledge(
      'AwsSolutions-RDS6',
      'The batches connect with the Secrets Manager password (rotated every 30 days); @mlops/db has no IAM-token path.',
    );
    acknowledge(
      'AwsSolutions-RDS11',
      'Port 5432 is reachable only from the client security group inside the VPC; another port adds no protection.',
    );
    if (!props.retain)
      acknowledge(
        'AwsSolutions-RDS10',
        'Environments without retainData (dev) are meant to be torn down with the stack.',
      );
  }
}
