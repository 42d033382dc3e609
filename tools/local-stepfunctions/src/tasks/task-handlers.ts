import { runEcsTask, EcsTaskContext } from './ecs-run-task';
import type { Recorder } from './recorder';

export const ECS_RUN_TASK_SYNC = 'arn:aws:states:::ecs:runTask.sync';
export const SNS_PUBLISH = 'arn:aws:states:::sns:publish';
export const S3_PUT_OBJECT = 'arn:aws:states:::aws-sdk:s3:putObject';

/** Runs one Task state locally: `input` is the state's effective input (after InputPath and Parameters). */
export type TaskHandler = (state: string, input: unknown) => Promise<unknown>;

export interface HandlerContext extends EcsTaskContext {
  recorder: Recorder;
}

/**
 * The Task resources the local run knows, by `Resource`. The batches really run (docker); the alert and
 * the failure record have no local service, so they go to the recorder with what they would have sent.
 */
export function taskHandlers(ctx: HandlerContext): Record<string, TaskHandler> {
  let sent = 0;
  const record = (resource: string, result: (n: number) => unknown): TaskHandler => {
    return async (state, input) => {
      ctx.recorder.record({ state, resource, parameters: input });
      return result(++sent);
    };
  };
  return {
    [ECS_RUN_TASK_SYNC]: (state, input) => runEcsTask(ctx, state, input),
    [SNS_PUBLISH]: record(SNS_PUBLISH, (n) => ({ MessageId: `local-${n}` })),
    [S3_PUT_OBJECT]: record(S3_PUT_OBJECT, (n) => ({ ETag: `"local-${n}"` })),
  };
}

/** The resources `taskHandlers` serves (what `unsupportedFeatures` accepts). */
export const SUPPORTED_RESOURCES: readonly string[] = [ECS_RUN_TASK_SYNC, SNS_PUBLISH, S3_PUT_OBJECT];
