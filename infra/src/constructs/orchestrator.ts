import { allowWildcards } from '../nag-wildcards';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ISecurityGroup, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { ICluster } from 'aws-cdk-lib/aws-ecs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { IBucket } from 'aws-cdk-lib/aws-s3';
import { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  IChainable,
  JsonPath,
  LogLevel,
  Map as MapState,
  Pass,
  StateMachine,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { CallAwsService, SnsPublish } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { BatchTasks } from './batch-tasks';
import { batchStep, runTaskState } from './batch-flow';

export interface OrchestratorProps {
  env: string;
  /** In pipeline order (@mlops/contract BATCHES). */
  batches: readonly string[];
  tasks: BatchTasks;
  subnets: SubnetSelection;
  securityGroups: ISecurityGroup[];
  bucket: IBucket;
  topic: ITopic;
  logRetention: RetentionDays;
  /** Where the batch images read `<env>.yaml`. */
  configDir: string;
  /** The one-off migration task (see PipelineStack). */
  migrationTask: string;
}

/** S3 prefix of the orchestrator's own records (failures); the reports live beside the model data. */
export const RUN_RECORDS_PREFIX = 'runs/';

/**
 * The production engine of the batches: a Step Functions state machine that runs, for each model in the
 * input (a Map), every batch in order as an ECS Fargate task of its `pipeline-<batch>` image. Input:
 * `{"models": ["iris", ...], "runId"?: "..."}`; without a run id one is derived from the execution name.
 */
export class Orchestrator extends Construct {
  readonly stateMachine: StateMachine;
  readonly migration: StateMachine;

  constructor(scope: Construct, id: string, props: OrchestratorProps) {
    super(scope, id);
    const { tasks } = props;
    const runnerFor = (name: string, command: string[]) => ({
      cluster: tasks.cluster as ICluster,
      subnets: props.subnets,
      securityGroups: props.securityGroups,
      definition: must(tasks.definitions.get(name), name),
      container: must(tasks.containers.get(name), name),
      command,
    });

    const record = new CallAwsService(this, 'record failure', {
      service: 's3',
      action: 'putObject',
      parameters: {
        Bucket: props.bucket.bucketName,
        Key: JsonPath.format(
          `${RUN_RECORDS_PREFIX}{}/{}/failure.json`,
          JsonPath.stringAt('$.runId'),
          JsonPath.stringAt('$.model'),
        ),
        Body: JsonPath.jsonToString(JsonPath.objectAt('$')),
        ContentType: 'application/json',
      },
      iamResources: [props.bucket.arnForObjects(`${RUN_RECORDS_PREFIX}*`)],
      iamAction: 's3:PutObject',
      resultPath: JsonPath.DISCARD,
    });
    const notify = new SnsPublish(this, 'notify failure', {
      topic: props.topic,
      subject: `mlops ${props.env}: a model's pipeline failed`,
      message: TaskInput.fromObject({
        model: JsonPath.stringAt('$.model'),
        runId: JsonPath.stringAt('$.runId'),
        error: JsonPath.stringAt('$.failure.Error'),
        record: JsonPath.format(
          `s3://${props.bucket.bucketName}/${RUN_RECORDS_PREFIX}{}/{}/failure.json`,
          JsonPath.stringAt('$.runId'),
          JsonPath.stringAt('$.model'),
        ),
      }),
      resultPath: JsonPath.DISCARD,
    });
    const modelFailed = new Pass(this, 'model failed', {
      parameters: { 'model.$': '$.model', status: 'failed' },
    });
    record.next(notify).next(modelFailed);

    // One model, every batch in order. The states are built once; the Map runs them per model.
    let chain: IChainable | undefined;
    let last: { next(s: IChainable): unknown } | undefined;
    for (const batch of props.batches) {
      const command = JsonPath.array(
        '--model',
        JsonPath.stringAt('$.model'),
        '--env',
        props.env,
        '--run-id',
        JsonPath.stringAt('$.runId'),
        '--config-dir',
        props.configDir,
      );
      const step = batchStep(this, batch, runnerFor(batch, command as unknown as string[]), record);
      if (last) last.next(step.start);
      else chain = step.start;
      last = step.end;
    }
    const modelSucceeded = new Pass(this, 'model succeeded', {
      parameters: { 'model.$': '$.model', status: 'succeeded' },
    });
    if (!last || !chain) throw new Error('Orchestrator: no batches (BATCHES in @mlops/contract is empty)');
    last.next(modelSucceeded);

    const models = new MapState(this, 'models', {
      itemsPath: '$.models',
      itemSelector: { 'model.$': '$$.Map.Item.Value', 'runId.$': '$.runId' },
      resultPath: '$.results',
    }).itemProcessor(chain);

    const newRunId = new Pass(this, 'new run id', {
      parameters: {
        'models.$': '$.models',
        // Execution names are UUIDs by default; their first group is a short unique slug.
        'runId.$':
          "States.Format('sfn-{}', States.ArrayGetItem(States.StringSplit($$.Execution.Name, '-'), 0))",
      },
    });
    const failedList = new Pass(this, 'collect failures', {
      parameters: { 'runId.$': '$.runId', 'failed.$': "$.results[?(@.status == 'failed')].model" },
    });
    const failedCount = new Pass(this, 'count failures', {
      parameters: { 'runId.$': '$.runId', 'failed.$': '$.failed', 'count.$': 'States.ArrayLength($.failed)' },
    });
    const outcome = new Choice(this, 'any model failed?')
      .when(
        Condition.numberGreaterThan('$.count', 0),
        new Fail(this, 'run failed', { error: 'ModelsFailed', causePath: 'States.JsonToString($.failed)' }),
      )
      .otherwise(new Succeed(this, 'run succeeded'));
    models.next(failedList).next(failedCount).next(outcome);
    const start = new Choice(this, 'run id given?')
      .when(Condition.isPresent('$.runId'), models)
      .otherwise(newRunId.next(models));

    const logGroup = (name: string) =>
      new LogGroup(this, `${name}Logs`, {
        retention: props.logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      });
    this.stateMachine = new StateMachine(this, 'Pipeline', {
      stateMachineName: `mlops-${props.env}-pipeline`,
      definitionBody: DefinitionBody.fromChainable(start),
      timeout: Duration.hours(48),
      tracingEnabled: true,
      logs: { destination: logGroup('Pipeline'), level: LogLevel.ALL, includeExecutionData: true },
    });

    // Migrations run once per deploy (CI starts this machine), not at every batch start.
    const migrate = runTaskState(
      this,
      'migrate',
      runnerFor(props.migrationTask, MIGRATION_COMMAND(props.env, props.configDir)),
    );
    this.migration = new StateMachine(this, 'Migrate', {
      stateMachineName: migrationStateMachineName(props.env),
      definitionBody: DefinitionBody.fromChainable(migrate),
      timeout: Duration.hours(1),
      tracingEnabled: true,
      logs: { destination: logGroup('Migrate'), level: LogLevel.ALL, includeExecutionData: true },
    });

    for (const machine of [this.stateMachine, this.migration])
      allowWildcards(
        machine.role,
        "Generated by the Step Functions ECS .sync integration: RunTask on the task definitions' revisions (:*), " +
          'DescribeTasks/StopTask and X-Ray/log delivery (no resource types), and the run records prefix runs/*.',
      );
    for (const [name, metric] of [
      ['Failed', this.stateMachine.metricFailed({ period: Duration.minutes(5) })],
      ['TimedOut', this.stateMachine.metricTimedOut({ period: Duration.minutes(5) })],
      ['MigrationFailed', this.migration.metricFailed({ period: Duration.minutes(5) })],
    ] as const) {
      new Alarm(this, `${name}Alarm`, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `mlops ${props.env}: state machine executions ${name}`,
      }).addAlarmAction(new SnsAction(props.topic));
    }
  }
}

/** The migration command of the batch image: pipeline-core's `--migrate-only`. */
export const MIGRATION_COMMAND = (env: string, configDir: string): string[] => [
  '--migrate-only',
  '--env',
  env,
  '--config-dir',
  configDir,
];
export const migrationStateMachineName = (env: string): string => `mlops-${env}-migrate`;

function must<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`Orchestrator: no task definition for "${name}"`);
  return value;
}
