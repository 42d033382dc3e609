import { BATCHES } from '@mlops/contract';
import { containerApps, ProjectInfo, readAppProjects } from './container-apps';
import { ModelInfo, readModels } from './models';

/** Everything infra derives from the workspace: plain data, so tests can inject a generated model. */
export interface WorkspaceModel {
  /** Container apps (SageMaker images), e.g. `container-iris`. */
  containerApps: string[];
  /** Batches in pipeline order, from @mlops/contract (the declaration the local pipeline runs too). */
  batches: string[];
  /** Models of the target environment's config. */
  models: ModelInfo[];
}

/** Image (and ECR repository) of a batch: its app, `apps/pipeline-<batch>`. */
export const batchImage = (batch: string): string => `pipeline-${batch}`;

export function readWorkspace(
  workspaceRoot: string,
  env: string,
  projects: readonly ProjectInfo[] = readAppProjects(workspaceRoot),
): WorkspaceModel {
  return {
    containerApps: containerApps(projects),
    batches: [...BATCHES],
    models: readModels(workspaceRoot, env),
  };
}

/** Every image infra gives an ECR repository: the container apps and the batch images. */
export function imageNames(ws: WorkspaceModel): string[] {
  return [...ws.containerApps, ...ws.batches.map(batchImage)];
}
