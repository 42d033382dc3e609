import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

test('models and their prefixes come from configs/<env>.yaml', () => {
  expect(readModels(WORKSPACE_ROOT, 'dev').map((m) => m.name)).toEqual(['iris', 'mpg']);
});

test.each([
  ['aws: {}\n', 'models: expected a non-empty mapping of model sections'],
  ['models:\n  Iris: { s3Prefixes: { raw: iris/raw/ } }\n', 'models.Iris: model name must match'],
  ['models:\n  iris: { team: x }\n', 'models.iris.s3Prefixes: expected a mapping of key prefixes'],
  [
    'models:\n  iris: { s3Prefixes: { raw: ../raw/ } }\n',
    'models.iris.s3Prefixes.raw: expected a key prefix like "iris/raw/", got "../raw/"',
  ],
  ['models: [\n', 'cannot read'],
])('bad config %j is named with file and key', (text, message) => {
  config(text);
  expect(() => readModels(dir, 'dev')).toThrow(`${join(dir, 'configs', 'dev.yaml')}: ${message}`);
});
