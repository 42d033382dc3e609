import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containerApps, readAppProjects } from '../src/workspace/container-apps';
import { readModels } from '../src/workspace/models';
import { WORKSPACE_ROOT } from './harness';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'infra-ws-'));
  mkdirSync(join(dir, 'configs'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = (text: string) => writeFileSync(join(dir, 'configs', 'dev.yaml'), text);

test('container apps are the apps tagged type:app + platform:container', () => {
  expect(containerApps(readAppProjects(WORKSPACE_ROOT))).toEqual(['container-iris', 'container-mpg']);
  expect(containerApps([{ name: 'x', tags: ['type:app', 'platform:pipeline'] }])).toEqual([]);
});

test('a broken project.json is named', () => {
  mkdirSync(join(dir, 'apps', 'container-bad'), { recursive: true });
  writeFileSync(join(dir, 'apps', 'container-bad', 'project.json'), '{');
  expect(() => readAppProjects(dir)).toThrow(
    `${join(dir, 'apps', 'container-bad', 'project.json')}: not valid JSON`,
  );
});

test('models and their prefixes come from configs/models/ merged with configs/<env>.yaml', () => {
  expect(readModels(WORKSPACE_ROOT, 'dev')).toEqual([
    { name: 'iris', s3Prefixes: expect.objectContaining({ raw: 'iris/raw/', models: 'iris/models/' }) },
    { name: 'mpg', s3Prefixes: expect.objectContaining({ raw: 'mpg/raw/' }) },
  ]);
});

const IRIS = readFileSync(join(WORKSPACE_ROOT, 'configs', 'models', 'iris.yaml'), 'utf8');
const modelFile = (name: string, text: string) => {
  mkdirSync(join(dir, 'configs', 'models'), { recursive: true });
  writeFileSync(join(dir, 'configs', 'models', `${name}.yaml`), text);
};

test('a prefix infra cannot turn into an IAM pattern is named with the model file and key', () => {
  config('aws: {}\n');
  modelFile('iris', IRIS.replace('raw: iris/raw/', 'raw: iris/../raw/').replace(/\nenv:[\s\S]*$/, '\n'));
  expect(() => readModels(dir, 'dev')).toThrow(
    `${join(dir, 'configs', 'models', 'iris.yaml')}: models.iris.s3Prefixes.raw: expected a key prefix like "iris/raw/", got "iris/../raw/"`,
  );
});

test.each([
  ['team: x\n', 'models.iris.task'],
  ['team: [\n', 'Invalid YAML in'],
])('a broken model file %j is named by the config-reader', (text, message) => {
  config('aws: {}\n');
  modelFile('iris', text);
  expect(() => readModels(dir, 'dev')).toThrow(join(dir, 'configs', 'models', 'iris.yaml'));
  expect(() => readModels(dir, 'dev')).toThrow(message);
});

test('no model at all is named', () => {
  config('aws: {}\n');
  expect(() => readModels(dir, 'dev')).toThrow('models');
});
