/** Small environment and model files in the config-reader's shape, with comments, for generator tests. */
import type { Tree } from '@nx/devkit';

export const LOCAL_YAML = `# Local environment (the generator does not edit it).
aws:
  region: us-east-1
  roleArn: arn:aws:iam::123456789012:role/mlops-local-sagemaker
  bucket: mlops-local

db:
  type: sqlite
  path: .state/mlops.sqlite
`;

export const DEV_YAML = LOCAL_YAML.replace('# Local environment', '# dev environment');

/**
 * The reference model's file: dev/prod override the image (ECR) and sizes, which the new model's file
 * must follow.
 */
export const IRIS_MODEL_YAML = `# The reference model.
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
env:
  dev:
    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-iris:v1
    training: { volumeSizeInGB: 30, maxRuntimeInSeconds: 3600 }
    processing: { volumeSizeInGB: 30 }
  prod:
    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-iris:v1
`;

export const CODEOWNERS = `# Ownership per project.
*                           @mlops/platform

# BEGIN generated from project.json metadata.owner (node tools/ci/codeowners.mjs)
/apps/container-iris/                    @mlops/team-iris
/configs/models/iris.yaml                @mlops/team-iris
# END generated
`;

/** The workspace files the model generator reads: configs, CODEOWNERS and an existing model app. */
export function seedWorkspace(tree: Tree): void {
  tree.write('configs/local.yaml', LOCAL_YAML);
  tree.write('configs/dev.yaml', DEV_YAML);
  tree.write('configs/prod.yaml', DEV_YAML.replace('# dev environment', '# prod environment'));
  tree.write('configs/models/iris.yaml', IRIS_MODEL_YAML);
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
