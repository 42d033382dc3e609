import { PipelineConfigError } from '@mlops/config-reader';
import {
  ExitCode,
  exitCodeFor,
  InputError,
  InterruptedError,
  BatchJobFailedError,
  NoApprovedModelError,
  BatchUsageError,
} from '../src';

describe('exitCodeFor', () => {
  it.each([
    [new BatchUsageError('x'), ExitCode.BadInput],
    [new InputError('x'), ExitCode.BadInput],
    [new NoApprovedModelError('iris'), ExitCode.BadInput],
    [new PipelineConfigError('x'), ExitCode.BadInput],
    [Object.assign(new Error('x'), { name: 'SageMakerValidationError' }), ExitCode.BadInput],
    [new BatchJobFailedError('j', 'Failed', 'r'), ExitCode.JobFailed],
    [new InterruptedError('SIGINT'), ExitCode.Interrupted],
    [new Error('network down'), ExitCode.JobFailed],
    ['a string', ExitCode.JobFailed],
  ])('%p → %i', (err, code) => {
    expect(exitCodeFor(err)).toBe(code);
  });

  it('NoApprovedModelError says what to do', () => {
    expect(new NoApprovedModelError('iris').message).toMatch(
      /No approved version of model "iris": run pipeline-evaluation/,
    );
  });
});
