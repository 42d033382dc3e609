import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderValue } from '../src/readme/render-intrinsics';
import { readAppProjects } from '../src/workspace/container-apps';
import { roleStatements, synth, Synth, WORKSPACE_ROOT } from './harness';

// What `nx g @mlops/workspace-plugin:model wine` leaves behind, as far as infra reads it: a container app
// tagged like the others and its model file, configs/models/wine.yaml. infra itself is not edited.
let dir: string;
let t: Synth;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'infra-generated-'));
  cpSync(join(WORKSPACE_ROOT, 'configs'), join(dir, 'configs'), { recursive: true });
  const iris = readFileSync(join(dir, 'configs', 'models', 'iris.yaml'), 'utf8');
  writeFileSync(join(dir, 'configs', 'models', 'wine.yaml'), iris.replace(/iris/g, 'wine'));
  const projects = [
    ...readAppProjects(WORKSPACE_ROOT),
    { name: 'container-wine', tags: ['type:app', 'platform:container', 'scope:wine'] },
  ];
  t = synth({ env: 'dev', root: dir, projects });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a generated model gets its ECR repository', () => {
  const names = Object.values(t.registry.findResources('AWS::ECR::Repository')).map(
    (r) => r.Properties.RepositoryName,
  );
  expect(names).toContain('container-wine');
});

test('a generated model is in the schedule input (the Map runs it) and its image is pinned for the batches', () => {
  const schedule = Object.values(t.pipeline.findResources('AWS::Scheduler::Schedule'))[0];
  expect(JSON.parse(schedule?.Properties.Target.Input)).toEqual({ models: ['iris', 'mpg', 'wine'] });
  const training = Object.values(t.pipeline.findResources('AWS::ECS::TaskDefinition')).find(
    (d) => d.Properties.Family === 'mlops-training',
  );
  const env = training?.Properties.ContainerDefinitions[0].Environment as { Name: string; Value: unknown }[];
  expect(renderValue(env.find((e) => e.Name === 'MLOPS__MODELS__WINE__IMAGE')?.Value)).toBe(
    '${Account}.dkr.ecr.${Region}.amazonaws.com/container-wine:abc123def456',
  );
});

test('a generated model gets its job names, prefixes and image in the policies', () => {
  const task = JSON.stringify(roleStatements(t.pipeline, 'BatchesTaskRole').map(renderValue));
  expect(task).toContain('training-job/wine-*');
  expect(task).toContain('/wine/*/raw/*');
  const sagemaker = JSON.stringify(roleStatements(t.pipeline, 'SageMakerRole').map(renderValue));
  expect(sagemaker).toContain('repository/container-wine');
  const push = JSON.stringify(roleStatements(t.ci, 'PushRole').map(renderValue));
  expect(push).toContain('repository/container-wine');
});
