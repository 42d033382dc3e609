import { Duration } from 'aws-cdk-lib';
import { ISecurityGroup, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import {
  ICluster,
  ContainerDefinition,
  FargatePlatformVersion,
  FargateTaskDefinition,
} from 'aws-cdk-lib/aws-ecs';
import {
  Choice,
  Condition,
  IChainable,
  INextable,
  IntegrationPattern,
  JsonPath,
  Pass,
  Result,
  State,
  Timeout,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { EcsFargateLaunchTarget, EcsRunTask } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/**
 * Exit codes of a batch worth a rerun with the same run id (pipeline-core's ExitCode): 130 = interrupted
 * (SIGTERM, e.g. a Fargate stop), and a rerun re-attaches to the running SageMaker job. 1 (job failed) needs
 * a new run id and 2 (bad input) a fix, so neither is retried. A task that stopped before its container
 * ran (no exit code: image pull, capacity) is retried too. infra/test/exit-codes.spec.ts checks 130.
 */
export const RETRYABLE_EXIT_CODES = [130] as const;
/** Attempts after the first, and the first wait; the wait doubles each time. */
export const MAX_RETRIES = 3;
export const FIRST_BACKOFF_SECONDS = 60;

export interface BatchRunner {
  cluster: ICluster;
  subnets: SubnetSelection;
  securityGroups: ISecurityGroup[];
  definition: FargateTaskDefinition;
  container: ContainerDefinition;
  /** The container command, e.g. from `$.model`: States.Array(...) JSONPath. */
  command: string[];
}

/** Runs one ECS Fargate task and waits for it (`ecs:runTask.sync`); ECS API errors retry natively. */
export function runTaskState(scope: Construct, id: string, r: BatchRunner): EcsRunTask {
  const task = new EcsRunTask(scope, id, {
    integrationPattern: IntegrationPattern.RUN_JOB,
    cluster: r.cluster,
    taskDefinition: r.definition,
    launchTarget: new EcsFargateLaunchTarget({ platformVersion: FargatePlatformVersion.LATEST }),
    subnets: r.subnets,
    securityGroups: r.securityGroups,
    assignPublicIp: false,
    containerOverrides: [{ containerDefinition: r.container, command: r.command }],
    resultPath: JsonPath.DISCARD,
    // A batch waits for its SageMaker job; past this something is stuck.
    taskTimeout: Timeout.duration(Duration.hours(12)),
  });
  task.addRetry({
    errors: ['ECS.AmazonECSException', 'ECS.ServerException', 'AmazonECS.Unknown'],
    interval: Duration.seconds(30),
    backoffRate: 2,
    maxAttempts: 3,
  });
  return task;
}

/**
 * One batch for one model: run, and on a failed task look at the exit code; retryable ones wait (doubling)
 * and run again with the same run id, others go to `onFailure`. Returns the chain's start and end.
 */
export function batchStep(
  scope: Construct,
  batch: string,
  r: BatchRunner,
  onFailure: State,
): { start: State; end: INextable & IChainable } {
  const init = new Pass(scope, `${batch}: start`, {
    result: Result.fromObject({ attempt: 0, wait: FIRST_BACKOFF_SECONDS }),
    resultPath: '$.retry',
  });
  const run = runTaskState(scope, `${batch}: run`, r);
  const exitCode = '$.failureDetail.cause.Containers[0].ExitCode';
  const classify = new Pass(scope, `${batch}: read exit code`, {
    parameters: { 'cause.$': 'States.StringToJson($.failure.Cause)' },
    resultPath: '$.failureDetail',
  });
  const backoff = new Wait(scope, `${batch}: backoff`, { time: WaitTime.secondsPath('$.retry.wait') });
  const nextAttempt = new Pass(scope, `${batch}: next attempt`, {
    parameters: {
      'attempt.$': 'States.MathAdd($.retry.attempt, 1)',
      'wait.$': 'States.MathAdd($.retry.wait, $.retry.wait)',
    },
    resultPath: '$.retry',
  });
  const attemptsLeft = Condition.numberLessThan('$.retry.attempt', MAX_RETRIES);
  const byCode = new Choice(scope, `${batch}: retryable exit code?`)
    .when(Condition.or(...RETRYABLE_EXIT_CODES.map((c) => Condition.numberEquals(exitCode, c))), backoff)
    .otherwise(onFailure);
  const decide = new Choice(scope, `${batch}: retry?`)
    .when(Condition.and(attemptsLeft, Condition.not(Condition.isPresent(exitCode))), backoff)
    .when(Condition.and(attemptsLeft, Condition.isPresent(exitCode)), byCode)
    .otherwise(onFailure);
  run.addCatch(classify, { errors: ['States.TaskFailed'], resultPath: '$.failure' });
  run.addCatch(onFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
  classify.next(decide);
  backoff.next(nextAttempt);
  nextAttempt.next(run);
  init.next(run);
  return { start: init, end: run };
}
