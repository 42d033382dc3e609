/** Temporary /opt/ml trees (used through SAGEMAKER_BASE_DIR / baseDir), laid out as SageMaker does. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempDir(prefix = 'ml-kit-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function copyInto(dir: string, files: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, source] of Object.entries(files)) fs.copyFileSync(source, path.join(dir, name));
}

export function writeInto(dir: string, files: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
}

const RESOURCE_CONFIG = { current_host: 'algo-1', hosts: ['algo-1'], network_interface_name: 'eth0' };

export interface ProcessingTree {
  base: string;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
}

/** config/processingjobconfig.json + resourceconfig.json; returns the local dir of each input/output. */
export function makeProcessingTree(
  inputs: string[],
  outputs: string[],
  environment: Record<string, string> = {},
): ProcessingTree {
  const base = tempDir('opt-ml-processing-');
  const local = (kind: string, name: string) => `/opt/ml/processing/${kind}/${name}`;
  const config = {
    ProcessingJobName: `test-${path.basename(base)}`,
    Environment: environment,
    ProcessingInputs: inputs.map((n) => ({
      InputName: n,
      S3Input: { LocalPath: local('input', n), S3Uri: `s3://bucket/${n}` },
    })),
    ProcessingOutputConfig: {
      Outputs: outputs.map((n) => ({
        OutputName: n,
        S3Output: { LocalPath: local('output', n), S3Uri: `s3://bucket/${n}` },
      })),
    },
    ProcessingResources: {
      ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.t3.medium', VolumeSizeInGB: 1 },
    },
  };
  writeInto(path.join(base, 'config'), {
    'processingjobconfig.json': JSON.stringify(config),
    'resourceconfig.json': JSON.stringify(RESOURCE_CONFIG),
  });
  const dirs = (kind: string, names: string[]) =>
    Object.fromEntries(names.map((n) => [n, path.join(base, 'processing', kind, n)]));
  const tree = { base, inputs: dirs('input', inputs), outputs: dirs('output', outputs) };
  for (const d of [...Object.values(tree.inputs), ...Object.values(tree.outputs)])
    fs.mkdirSync(d, { recursive: true });
  return tree;
}

export interface TrainingTree {
  base: string;
  channels: Record<string, string>;
  modelDir: string;
  checkpointDir: string;
  failureFile: string;
  successFile: string;
}

/** input/config/*.json with SageMaker's string-valued hyperparameters; a data dir per channel. */
export function makeTrainingTree(
  hyperparameters: Record<string, unknown>,
  channels: string[],
  base = tempDir('opt-ml-training-'),
): TrainingTree {
  const hps = Object.fromEntries(
    Object.entries(hyperparameters).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const channelConfig = Object.fromEntries(
    channels.map((c) => [
      c,
      { TrainingInputMode: 'File', S3DistributionType: 'FullyReplicated', RecordWrapperType: 'None' },
    ]),
  );
  writeInto(path.join(base, 'input', 'config'), {
    'hyperparameters.json': JSON.stringify(hps),
    'inputdataconfig.json': JSON.stringify(channelConfig),
    'resourceconfig.json': JSON.stringify(RESOURCE_CONFIG),
  });
  const tree: TrainingTree = {
    base,
    channels: Object.fromEntries(channels.map((c) => [c, path.join(base, 'input', 'data', c)])),
    modelDir: path.join(base, 'model'),
    checkpointDir: path.join(base, 'checkpoints'),
    failureFile: path.join(base, 'output', 'failure'),
    successFile: path.join(base, 'output', 'success'),
  };
  // The local SageMaker lays out code/ too; the toolkit's `train` runs the entry point there.
  for (const d of [...Object.values(tree.channels), tree.modelDir, path.join(base, 'code')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  return tree;
}

export function removeDir(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
