import { CfnTemplate, logicalIdOf, resolveIntrinsics, TemplateError } from './cfn-intrinsics';

/**
 * The local image of each container of a task definition: the ECR repository's name (the last path
 * segment of the image URI, `pipeline-<batch>`, which is also the Nx project that `docker:build` tags)
 * with the local tag. Keyed by container name.
 */
export function taskImages(
  template: CfnTemplate,
  taskDefinition: unknown,
  localTag: string,
): Map<string, string> {
  const [id, resource] = findTaskDefinition(template, taskDefinition);
  const containers = (resource.Properties?.ContainerDefinitions ?? []) as { Name: string; Image: unknown }[];
  const images = new Map<string, string>();
  for (const c of containers) {
    const uri = resolveIntrinsics(c.Image, template, `${id}.ContainerDefinitions[${c.Name}].Image`);
    if (typeof uri !== 'string') throw new TemplateError(`${id}: container ${c.Name} has no image URI`);
    images.set(c.Name, `${repositoryOf(uri)}:${localTag}`);
  }
  return images;
}

/** `<registry>/<path>/<name>:<tag>` or `…@sha256:…` → `<name>`. */
export function repositoryOf(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  return last.split('@')[0].split(':')[0];
}

/**
 * A task definition of the template by what a RunTask `TaskDefinition` may hold: its family (what CDK
 * passes), `family:revision`, its ARN, or a `local:<LogicalId>` token.
 */
function findTaskDefinition(template: CfnTemplate, ref: unknown) {
  const defs = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::ECS::TaskDefinition');
  const id = logicalIdOf(ref);
  const family = typeof ref === 'string' ? ref.replace(/^arn:[^/]*:task-definition\//, '').split(':')[0] : '';
  const found = defs.find(([logicalId, r]) => logicalId === id || r.Properties?.Family === family);
  if (!found)
    throw new TemplateError(`TaskDefinition ${JSON.stringify(ref)} is not a task definition of the template`);
  return found;
}
