import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProcessingEnv } from '../src/lib/processing-env';
import { readFixture, removeTree } from './support/opt-ml';

function tree(config: string, resource: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opt-ml-proc-'));
  fs.mkdirSync(path.join(dir, 'config'));
  fs.writeFileSync(path.join(dir, 'config/processingjobconfig.json'), config);
  fs.writeFileSync(path.join(dir, 'config/resourceconfig.json'), resource);
  return dir;
}

const CONFIG = readFixture('aws-docs__build-your-own-processing-container__processingjobconfig.json');
const RESOURCES = readFixture('aws-docs__build-your-own-processing-container__resourceconfig.json');

describe('loadProcessingEnv', () => {
  let base = '';
  afterEach(() => base && removeTree(base));

  it('reads the DG example config (inputs/outputs by name, env, hosts)', () => {
    base = tree(CONFIG, RESOURCES);
    const env = loadProcessingEnv({ baseDir: base, env: {} });
    expect(env.jobName).toBe('<processing_job_name>');
    expect(env.jobArn).toBe('<processing_job_arn>');
    expect(env.inputs).toEqual({ 'input-1': path.join(base, 'processing/input/dataset') });
    expect(env.outputs).toEqual({ 'output-1': path.join(base, 'processing/output/dataset') });
    expect(env.environment).toEqual({ KEY: 'VALUE' });
    expect(env.currentHost).toBe('algo-1');
    expect(env.hosts).toEqual(['algo-1', 'algo-2', 'algo-3']);
    expect(env.instanceType).toBe('ml.m5.xlarge');
    expect(env.instanceCount).toBe(1);
    expect(env.messageFile).toBe(path.join(base, 'output/message'));
  });

  it('rejects a LocalPath outside /opt/ml/processing/, naming file and field', () => {
    base = tree(CONFIG.replace('/opt/ml/processing/input/dataset', '/data/in'), RESOURCES);
    expect(() => loadProcessingEnv({ baseDir: base, env: {} })).toThrow(
      `${path.join(base, 'config/processingjobconfig.json')}: "ProcessingInputs[0].S3Input.LocalPath" must begin with /opt/ml/processing/, found "/data/in"`,
    );
  });

  it('rejects missing job name and malformed files', () => {
    base = tree(CONFIG.replace('"ProcessingJobName": "<processing_job_name>",', ''), RESOURCES);
    expect(() => loadProcessingEnv({ baseDir: base, env: {} })).toThrow(
      '"ProcessingJobName" must be a non-empty string, found nothing',
    );
    fs.writeFileSync(path.join(base, 'config/processingjobconfig.json'), '');
    expect(() => loadProcessingEnv({ baseDir: base, env: {} })).toThrow(
      'processingjobconfig.json: file is empty',
    );
    fs.writeFileSync(path.join(base, 'config/processingjobconfig.json'), CONFIG);
    fs.writeFileSync(path.join(base, 'config/resourceconfig.json'), '{"hosts": ["algo-1"]}');
    expect(() => loadProcessingEnv({ baseDir: base, env: {} })).toThrow(
      'resourceconfig.json: "current_host" must be a non-empty string',
    );
  });

  it('accepts SDK local-mode shapes (null inputs, ARN = name)', () => {
    base = tree(
      JSON.stringify({
        ProcessingJobArn: 'job-a',
        ProcessingJobName: 'job-a',
        ProcessingInputs: null,
        Environment: {},
        RoleArn: '<no_role>',
      }),
      JSON.stringify({
        current_host: 'algo-1',
        hosts: ['algo-1'],
        network_interface_name: 'eth0',
        current_instance_type: 'local',
      }),
    );
    const env = loadProcessingEnv({ baseDir: base, env: {} });
    expect(env.inputs).toEqual({});
    expect(env.outputs).toEqual({});
    expect(env.jobArn).toBe('job-a');
    expect(env.instanceType).toBeNull();
  });
});
