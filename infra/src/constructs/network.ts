import { RemovalPolicy } from 'aws-cdk-lib';
import { FlowLogDestination, GatewayVpcEndpointAwsService, IVpc, SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface NetworkProps {
  /** Import this VPC (its private subnets need a route to the AWS APIs); else one is created. */
  vpcId?: string;
  logRetention: RetentionDays;
}

/** The VPC the batches and the database run in. */
export class Network extends Construct {
  readonly vpc: IVpc;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    if (props.vpcId) {
      this.vpc = Vpc.fromLookup(this, 'Vpc', { vpcId: props.vpcId });
      return;
    }
    const flowLogs = new LogGroup(this, 'FlowLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      // One NAT gateway: batches only call AWS APIs, so a zone outage delays a run, it loses nothing.
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'database', subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // S3 traffic (the bulk: datasets, models) skips the NAT gateway and its per-GB charge.
      gatewayEndpoints: { S3: { service: GatewayVpcEndpointAwsService.S3 } },
      flowLogs: { all: { destination: FlowLogDestination.toCloudWatchLogs(flowLogs) } },
    });
  }
}
