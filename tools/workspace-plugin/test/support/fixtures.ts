/** Small environment files in the config-reader's shape, with comments, for generator tests. */
import type { Tree } from '@nx/devkit';

export const LOCAL_YAML = `# Local environment (comment kept by the generator).
aws:
  region: us-east-1
  roleArn: arn:aws:iam::123456789012:role/mlops-local-sagemaker
  bucket: mlops-local

db:
  type: sqlite
  path: .state/mlops.sqlite

models:
  # The reference model.
  iris:
    team: team-a
    task: classification
    image: container-iris:latest
    source: builtin:iris
    training:
      instanceType: ml.m5.large
      instanceCount: 1
      volumeSizeInGB: 10
      maxRuntimeInSeconds: 600
      hyperparameters:
        seed: 42
      metricDefinitions:
        - name: validation:accuracy
          regex: 'validation:accuracy=([0-9.eE+-]+)'
    processing:
      instanceType: ml.t3.medium
      instanceCount: 1
      volumeSizeInGB: 10
      maxRuntimeInSeconds: 600
    evaluation:
      thresholds:
        - accuracy >= 0.9
    s3Prefixes:
      raw: iris/raw/
      processed: iris/processed/
      models: iris/models/
      evaluation: iris/evaluation/
      inference: iris/inference/
`;

/** dev: ECR images and bigger volumes, which the new section must follow. */
export const DEV_YAML = LOCAL_YAML.replace('# Local environment', '# dev environment')
  .replace(
    'image: container-iris:latest',
    'image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-iris:v1',
  )
  .replace(/volumeSizeInGB: 10/g, 'volumeSizeInGB: 30')
  .replace(/maxRuntimeInSeconds: 600/g, 'maxRuntimeInSeconds: 3600');

export const CODEOWNERS = `# Ownership per project.
*                           @mlops/platform

# BEGIN generated from project.json metadata.owner (node tools/ci/codeowners.mjs)
/apps/container-iris/                    @mlops/team-iris
# END generated
`;

/** The workspace files the model generator reads: configs, CODEOWNERS and an existing model app. */
export function seedWorkspace(tree: Tree): void {
  tree.write('configs/local.yaml', LOCAL_YAML);
  tree.write('configs/dev.yaml', DEV_YAML);
  tree.write('configs/prod.yaml', DEV_YAML.replace('# dev environment', '# prod environment'));
  tree.write('.github/CODEOWNERS', CODEOWNERS);
  tree.write(
    'apps/container-iris/project.json',
    JSON.stringify({
      name: 'container-iris',
      tags: ['type:app', 'platform:container', 'scope:iris'],
      metadata: { owner: '@mlops/team-iris' },
    }),
  );
  tree.write(
    'libs/pipeline/aws/project.json',
    JSON.stringify({ name: 'aws', tags: ['type:lib', 'platform:pipeline', 'scope:shared'] }),
  );
}
