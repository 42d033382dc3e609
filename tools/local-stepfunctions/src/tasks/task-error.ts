/**
 * A Task failure as Step Functions reports it: `name` is the error (`States.TaskFailed`, ...) that Retry
 * and Catch match, `message` the Cause (for ECS, the DescribeTasks JSON of the stopped task).
 */
export class TaskError extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}
