import { PipelineConfigError, getModelConfig, loadConfig } from '../src';
import { thrown, writeConfig } from './helpers';

const T = ['models', 'iris', 'training'];
const load = (configDir: string) => loadConfig({ env: 'local', configDir, processEnv: {} });
const issuesOf = (edits: Parameters<typeof writeConfig>[0]) => {
  const { configDir } = writeConfig(edits);
  return (thrown(() => load(configDir)) as unknown as PipelineConfigError).issues.map(
    (i) => `${i.path}: ${i.message}`,
  );
};

describe('managed spot training', () => {
  it('loads with a wait time that covers the runtime', () => {
    const { configDir } = writeConfig([
      [[...T, 'useSpotTraining'], true],
      [[...T, 'maxWaitTimeInSeconds'], 1200],
    ]);
    expect(load(configDir).models.iris.training).toMatchObject({
      useSpotTraining: true,
      maxWaitTimeInSeconds: 1200,
    });
  });

  it.each([
    [
      [[[...T, 'useSpotTraining'], true]],
      'models.iris.training.maxWaitTimeInSeconds: missing required key with useSpotTraining: true (expected a number >= maxRuntimeInSeconds 600)',
    ],
    [
      [
        [[...T, 'useSpotTraining'], true],
        [[...T, 'maxWaitTimeInSeconds'], 300],
      ],
      'models.iris.training.maxWaitTimeInSeconds: expected a value >= maxRuntimeInSeconds (600), got number 300',
    ],
    [
      [[[...T, 'maxWaitTimeInSeconds'], 900]],
      'models.iris.training.maxWaitTimeInSeconds: only allowed with useSpotTraining: true (SageMaker refuses a wait time for on-demand jobs), got number 900',
    ],
    [
      [
        [[...T, 'useSpotTraining'], 'yes'],
        [[...T, 'maxWaitTimeInSeconds'], 900],
      ],
      'models.iris.training.useSpotTraining: expected boolean, got string "yes"',
    ],
  ] as [Parameters<typeof writeConfig>[0], string][])('%j → one line naming the field', (edits, line) => {
    expect(issuesOf(edits)).toEqual([line]);
  });
});

describe('job settings (platform `jobs:` and a model file `jobs:`)', () => {
  it('merge: the model overrides the platform, tags and kms merge key by key', () => {
    const { configDir } = writeConfig([
      [
        ['jobs'],
        {
          tags: { environment: 'local', 'cost-center': 'ml' },
          kms: { volumeKeyId: 'alias/platform-volume', outputKeyId: 'alias/platform-output' },
          vpc: { subnets: ['subnet-0abc1234'], securityGroupIds: ['sg-0abc1234'] },
          enableNetworkIsolation: true,
        },
      ],
      [
        ['models', 'iris', 'jobs'],
        {
          tags: { 'cost-center': 'iris' },
          kms: { outputKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
          enableNetworkIsolation: false,
        },
      ],
    ]);
    const config = load(configDir);
    expect(getModelConfig(config, 'iris').jobs).toEqual({
      tags: { environment: 'local', 'cost-center': 'iris' },
      kms: {
        volumeKeyId: 'alias/platform-volume',
        outputKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      },
      vpc: { subnets: ['subnet-0abc1234'], securityGroupIds: ['sg-0abc1234'] },
      enableNetworkIsolation: false,
    });
    expect(getModelConfig(config, 'mpg').jobs).toMatchObject({
      tags: { 'cost-center': 'ml' },
      enableNetworkIsolation: true,
    });
  });

  it('the shipped local config tags every job with its environment', () => {
    const { configDir } = writeConfig();
    expect(getModelConfig(load(configDir), 'mpg').jobs).toEqual({ tags: { environment: 'local' } });
  });

  it.each([
    [{ vpc: { subnets: [], securityGroupIds: ['sg-1'] } }, 'jobs.vpc.subnets: expected >= 1 item(s), got 0'],
    [
      { vpc: { subnets: ['subnet-1'], securityGroupIds: ['sg-1', 'sg-2', 'sg-3', 'sg-4', 'sg-5', 'sg-6'] } },
      'jobs.vpc.securityGroupIds: expected <= 5 item(s), got 6',
    ],
    [
      { vpc: { subnets: ['subnet_1'], securityGroupIds: ['sg-1'] } },
      'jobs.vpc.subnets[0]: expected a SubnetId like "subnet-0abc1234" (^[-0-9a-zA-Z]+$), got string "subnet_1"',
    ],
    [
      { vpc: { subnets: ['sg-0abc'], securityGroupIds: ['sg-1'] } },
      'jobs.vpc.subnets[0]: expected a subnet id "subnet-…", got string "sg-0abc"',
    ],
    [{ vpc: { subnets: ['subnet-1'] } }, 'jobs.vpc.securityGroupIds: missing required key (expected a list)'],
    [
      { kms: { volumeKeyId: 'key id with spaces' } },
      'jobs.kms.volumeKeyId: expected a KmsKeyId like "arn:aws:kms:eu-west-1:123456789012:key/…" (^[a-zA-Z0-9:/_-]*$), got string "key id with spaces"',
    ],
    [{ kms: { outputKeyId: '' } }, 'jobs.kms.outputKeyId: expected >= 1 character(s), got 0'],
    [
      { tags: { 'aws:owner': 'x' } },
      'jobs.tags.aws:owner: expected a tag key not starting with mlops: or aws: (set by the pipeline / reserved by AWS), got string "aws:owner"',
    ],
    [
      { tags: { ['k'.repeat(129)]: 'x' } },
      `jobs.tags.${'k'.repeat(129)}: expected <= 128 character(s), got 129`,
    ],
    [{ tags: { owner: 'v'.repeat(257) } }, 'jobs.tags.owner: expected <= 256 character(s), got 257'],
    [
      { tags: { owner: 'a;b' } },
      expect.stringMatching(
        /^jobs\.tags\.owner: expected a TagValue like "ml-platform" .*, got string "a;b"$/,
      ),
    ],
    [{ enableNetworkIsolation: 'yes' }, 'jobs.enableNetworkIsolation: expected boolean, got string "yes"'],
    [{ spot: true }, 'jobs.spot: unknown key (typo?)'],
  ])('platform jobs %j → %s', (jobs, line) => {
    expect(issuesOf([[['jobs'], jobs]])).toEqual([line]);
  });

  it('more tags than SageMaker leaves room for beside the pipeline tags are refused', () => {
    const tags = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`t${i}`, 'x']));
    expect(issuesOf([[['models', 'mpg', 'jobs'], { tags }]])).toEqual([
      'models.mpg.jobs.tags: expected <= 46 tags (SageMaker allows 50, the pipeline sets 4), got an object',
    ]);
  });
});
