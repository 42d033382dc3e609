import type { CfnTemplate } from '../template/cfn-intrinsics';
import { taskImages } from '../template/task-images';
import type { ContainerResult, ContainerRunner } from './container-runner';
import { TaskError } from './task-error';

/** `arn:aws:states:::ecs:runTask.sync` parameters, as the state machine passes them (after Parameters). */
interface RunTaskParameters {
  Cluster?: string;
  TaskDefinition: string;
  Overrides?: {
    ContainerOverrides?: {
      Name: string;
      Command?: string[];
      Environment?: { Name: string; Value: string }[];
    }[];
  };
}

export interface EcsTaskContext {
  template: CfnTemplate;
  /** Tag of the local images (`docker:build` tags `<project>:latest`). */
  localTag: string;
  runner: ContainerRunner;
  /** Container name for the n-th task of this execution. */
  containerName: (state: string) => string;
  labels: Record<string, string>;
}

/**
 * `ecs:runTask.sync` locally: the task definition's one container runs as `docker run` of its local
 * image with the override's command and environment, and the state waits for it. As on ECS, the result
 * is the stopped task's description; a non-zero exit code (or a task that never started) is
 * `States.TaskFailed` with that description as the Cause, so `Containers[0].ExitCode` reads the same.
 */
export async function runEcsTask(ctx: EcsTaskContext, state: string, input: unknown): Promise<unknown> {
  const params = input as RunTaskParameters;
  const images = taskImages(ctx.template, params.TaskDefinition, ctx.localTag);
  if (images.size !== 1)
    throw new Error(
      `state "${state}": the local run supports task definitions of one container (${images.size})`,
    );
  const [[containerName, image]] = [...images];
  const override = (params.Overrides?.ContainerOverrides ?? []).find((o) => o.Name === containerName);
  if (!override?.Command)
    throw new Error(`state "${state}": no ContainerOverrides command for container "${containerName}"`);
  const name = ctx.containerName(state);
  const result = await ctx.runner({
    name,
    image,
    command: override.Command,
    environment: Object.fromEntries((override.Environment ?? []).map((e) => [e.Name, e.Value])),
    labels: ctx.labels,
  });
  const task = describeStoppedTask(params, name, containerName, image, result);
  if (result.started && result.exitCode === 0) return task;
  throw new TaskError('States.TaskFailed', JSON.stringify(task));
}

/** The DescribeTasks shape of a stopped Fargate task (the fields the state machine and people read). */
function describeStoppedTask(
  params: RunTaskParameters,
  name: string,
  container: string,
  image: string,
  result: ContainerResult,
) {
  const taskArn = `arn:aws:ecs:local:000000000000:task/local/${name}`;
  return {
    ClusterArn: params.Cluster,
    TaskArn: taskArn,
    TaskDefinitionArn: params.TaskDefinition,
    LaunchType: 'FARGATE',
    LastStatus: 'STOPPED',
    DesiredStatus: 'STOPPED',
    StopCode: result.started ? 'EssentialContainerExited' : 'TaskFailedToStart',
    StoppedReason: result.started
      ? 'Essential container in task exited'
      : `CannotStartContainerError: ${result.reason ?? 'unknown'}`,
    Containers: [
      {
        Name: container,
        Image: image,
        TaskArn: taskArn,
        LastStatus: 'STOPPED',
        ...(result.started && result.exitCode !== null ? { ExitCode: result.exitCode } : {}),
        ...(result.reason ? { Reason: result.reason } : {}),
      },
    ],
  };
}
