// A batch that starts sending a new SDK command: the IAM check must notice it.
import { SageMakerClient, StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { runTrainingBatch } from './uses-lib';

export async function main(): Promise<void> {
  await runTrainingBatch();
  await new SageMakerClient({}).send(new StopTrainingJobCommand({ TrainingJobName: 'x' }));
}
void main();
