/** An error the API returns to the client in the AWS JSON 1.1 shape (`__type` + `message`). */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const validationError = (message: string) => new ApiError('ValidationException', message);
export const resourceInUse = (message: string) => new ApiError('ResourceInUse', message);
/** CloudWatch Logs names its errors with the `Exception` suffix, SageMaker does not. */
export const logsNotFound = (message: string) => new ApiError('ResourceNotFoundException', message);
export const logsInvalidParameter = (message: string) => new ApiError('InvalidParameterException', message);
