import { readSettings } from '../src/settings';
import { cdkJsonContext } from '../src/synth-app';

const contextWith = (overrides: Record<string, unknown>, dev: Record<string, unknown> = {}) => {
  const base = cdkJsonContext();
  const mlops = base.mlops as Record<string, Record<string, unknown>>;
  const ctx: Record<string, unknown> = {
    ...base,
    env: 'dev',
    imageTag: 'abc',
    mlops: { ...mlops, dev: { ...mlops.dev, ...dev } },
    ...overrides,
  };
  return (key: string) => ctx[key];
};

test('cdk.json settings of dev and prod are valid', () => {
  expect(readSettings(contextWith({})).schedule).toBe('cron(0 3 * * ? *)');
  expect(readSettings(contextWith({ env: 'prod' })).retainData).toBe(true);
});

test.each([
  [{ env: 'Dev!' }, {}, 'context env: expected an environment name like "dev", got "Dev!"'],
  [{ env: 'qa' }, {}, 'context mlops.qa: no settings for environment "qa" (add them to infra/cdk.json)'],
  [
    { imageTag: undefined },
    {},
    'context imageTag: expected an image tag (the pushed short SHA, -c imageTag=...), got undefined',
  ],
  [
    {},
    { schedule: 'every day' },
    'context mlops.dev.schedule: expected none, cron(...), rate(...) or at(...), got "every day"',
  ],
  [{}, { logRetentionDays: 10 }, 'context mlops.dev.logRetentionDays: expected one of 1, 3, 5'],
  [
    {},
    { dbMaxCapacity: 0.5 },
    'context mlops.dev.dbMaxCapacity: expected ACUs 1..256 in steps of 0.5, got 0.5',
  ],
  [{}, { vpcId: 'my-vpc' }, 'context mlops.dev.vpcId: expected a VPC id (vpc-...), got "my-vpc"'],
  [{}, { githubRepository: 'mlops' }, 'context mlops.dev.githubRepository: expected owner/name, got "mlops"'],
  [{}, { retainData: 'yes' }, 'context mlops.dev.retainData: expected true or false, got "yes"'],
])('bad settings are one-line errors naming the key and value (%j %j)', (overrides, dev, message) => {
  expect(() => readSettings(contextWith(overrides, dev))).toThrow(message);
});
