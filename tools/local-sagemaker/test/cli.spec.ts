import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli';
import { LocalSageMakerUsageError } from '../src/cli/args';
import { FIXTURES } from './support/harness';

let tmp: string;
let logged: string[];
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'lsm-cli-'));
  logged = [];
  jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logged.push(a.join(' ')));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(tmp, { recursive: true, force: true });
});

const runArgs = (request: string) => [
  'run',
  '--request',
  request,
  '--state-dir',
  join(tmp, 'state'),
  '--runtime',
  'process',
  '--image-map',
  join(FIXTURES, 'image-map.json'),
  '--bucket',
  'local-models',
];

describe('cli', () => {
  it('run: runs one job from a request file in a throwaway stack, follows logs, exits 0 on Completed', async () => {
    expect(await main(runArgs(join(FIXTURES, 'train-request.json')))).toBe(0);
    expect(logged).toContain('[algo-1] epoch=3 train_loss=0.333');
    expect(logged).toContain('local-sagemaker: cli-train Completed');
    expect(logged).toContain('  ModelArtifacts: s3://local-models/out/cli-train/output/model.tar.gz');
  });

  it('run: exits 1 with the FailureReason when the job fails (YAML request)', async () => {
    const request = JSON.parse(readFileSync(join(FIXTURES, 'train-request.json'), 'utf8'));
    const yaml = join(tmp, 'req.yaml');
    // Block mapping with JSON flow values: valid YAML, built from the JSON fixture.
    const fields = { ...request, TrainingJobName: 'cli-crash', HyperParameters: { mode: 'crash' } };
    writeFileSync(
      yaml,
      Object.entries(fields)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join('\n'),
    );
    expect(await main(runArgs(yaml))).toBe(1);
    expect(logged).toContain(
      '  FailureReason: AlgorithmError: See job logs for more information (exit code 7 on algo-1)',
    );
  });

  it('rejects unknown options and bad values with a LocalSageMakerUsageError', async () => {
    await expect(main(['start', '--bogus'])).rejects.toThrow(
      new LocalSageMakerUsageError('Unknown option --bogus'),
    );
    await expect(main([...runArgs(join(FIXTURES, 'train-request.json')), '--runtime', 'vm'])).rejects.toThrow(
      "--runtime must be auto, docker or process, got 'vm'",
    );
    await expect(main(['run', '--request', join(tmp, 'missing.json')])).rejects.toThrow(
      /cannot read request .*missing\.json/,
    );
  });

  it('status: exit 1 when nothing runs for the state dir; --help prints usage', async () => {
    expect(await main(['status', '--state-dir', join(tmp, 'none')])).toBe(1);
    expect(logged.join('\n')).toContain('not running');
    expect(await main(['--help'])).toBe(0);
    expect(logged.join('\n')).toContain('run --request <file>');
  });
});
