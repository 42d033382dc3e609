/**
 * Runs the BUILT `train` (bundled here with esbuild, same options as the build target) on temporary
 * /opt/ml trees: pass, fail, SIGTERM mid-run, user-written failure file, and the example job.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { loadTrainingEnv } from '../src/lib/training-env';
import { makeTrainingTree, removeTree } from './support/opt-ml';

const { buildTrain } = require('../tools/build.js') as { buildTrain: (out: string) => Promise<string> };

// Each case starts one or two Node processes; on a loaded CI box that can take seconds.
jest.setTimeout(30_000);

let workDir: string;
let trainJs: string;
let exampleJs: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'train-build-'));
  trainJs = await buildTrain(path.join(workDir, 'train.js'));
  exampleJs = path.join(workDir, 'train-example.js');
  await build({
    entryPoints: [path.join(__dirname, '..', 'examples', 'train-example.ts')],
    outfile: exampleJs,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    keepNames: true,
    logLevel: 'warning',
  });
}, 60_000);

afterAll(() => removeTree(workDir));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runTrainRaw(
  base: string,
  env: Record<string, string> = {},
  onStdout?: (text: string, kill: (s: NodeJS.Signals) => void) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(trainJs, [], {
      env: { PATH: process.env.PATH ?? '', SAGEMAKER_BASE_DIR: base, TRAINING_JOB_NAME: 'job-1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, (s) => child.kill(s));
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const out = (base: string, name: string) => path.join(base, 'output', name);

// JS entry points run in-process by default; SAGEMAKER_TOOLKIT_SUBPROCESS=true uses a child node.
describe.each([
  ['in-process', {}],
  ['subprocess', { SAGEMAKER_TOOLKIT_SUBPROCESS: 'true' }],
])('train (built bundle, JS %s)', (_mode, modeEnv: Record<string, string>) => {
  let base = '';
  const runTrain = (
    b: string,
    env: Record<string, string> = {},
    onStdout?: Parameters<typeof runTrainRaw>[2],
  ) => runTrainRaw(b, { ...modeEnv, ...env }, onStdout);
  afterEach(() => base && removeTree(base));

  it('is a single executable file with a node shebang', () => {
    const text = fs.readFileSync(trainJs, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(trainJs).mode & 0o111).toBe(0o111);
    expect(text).not.toMatch(/require\("zod"\)/);
  });

  it('passing script: streams output, passes args, writes success', async () => {
    base = makeTrainingTree({
      hyperparameters: { epochs: '2', 'learning-rate': '0.00001', sagemaker_program: '"train.js"' },
      code: {
        'train.js':
          'console.log("ARGS " + JSON.stringify(process.argv.slice(2)) + " CWD " + process.cwd() + " MAIN " + (require.main === module));',
      },
    });
    const r = await runTrain(base);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `ARGS ["--epochs","2","--learning-rate","1e-05"] CWD ${path.join(base, 'code')} MAIN true`,
    );
    expect(fs.readFileSync(out(base, 'success'), 'utf8')).toBe('');
    expect(fs.existsSync(out(base, 'failure'))).toBe(false);
  });

  it('failing script: failure file in the toolkit format with the stderr tail, exit 1', async () => {
    base = makeTrainingTree({
      code: {
        'fail.sh':
          'echo "starting" ; echo "line one" >&2 ; echo "ValueError: bad data in row 7" >&2 ; exit 3\n',
      },
    });
    const r = await runTrain(base, { SAGEMAKER_PROGRAM: 'fail.sh' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('starting');
    expect(r.stderr).toContain('ValueError: bad data in row 7');
    expect(fs.readFileSync(out(base, 'failure'), 'utf8')).toBe(
      'ExecuteUserScriptError:\nExitCode 3\nErrorMessage "line one\nValueError: bad data in row 7"\nCommand "/bin/sh fail.sh"',
    );
    expect(fs.existsSync(out(base, 'success'))).toBe(false);
  });

  it('keeps only the last part of a long stderr so FailureReason (1024 chars) shows the end', async () => {
    base = makeTrainingTree({
      code: {
        'train.js':
          'for (let i = 0; i < 500; i++) console.error("noise line " + i); console.error("FINAL: out of memory"); process.exitCode = 2;',
      },
    });
    const r = await runTrain(base);
    expect(r.code).toBe(1);
    const failure = fs.readFileSync(out(base, 'failure'), 'utf8');
    expect(failure.length).toBeLessThan(1024);
    expect(failure).toMatch(/^ExecuteUserScriptError:\nExitCode 2\nErrorMessage "noise line \d+\n/);
    expect(failure).toContain('FINAL: out of memory"\nCommand "');
  });

  it('never overwrites a failure file written by user code', async () => {
    base = makeTrainingTree({
      code: {
        'train.js':
          'require("fs").writeFileSync(process.env.SM_OUTPUT_DIR + "/failure", "user: custom reason"); process.exit(4);',
      },
    });
    const r = await runTrain(base);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(out(base, 'failure'), 'utf8')).toBe('user: custom reason');
    expect(r.stderr).toContain('kept the failure file already written');
  });

  it('SIGTERM mid-run is forwarded; the script checkpoints and exits within the grace period', async () => {
    base = makeTrainingTree({
      code: {
        'train.js': `
          process.on('SIGTERM', () => {
            require('fs').writeFileSync(process.env.SM_MODEL_DIR + '/checkpoint', 'saved');
            console.log('got SIGTERM');
            process.exit(0);
          });
          console.log('READY');
          setInterval(() => {}, 1000);`,
      },
    });
    fs.mkdirSync(path.join(base, 'model'));
    let sent = false;
    const r = await runTrain(base, {}, (text, kill) => {
      if (!sent && text.includes('READY')) {
        sent = true;
        kill('SIGTERM');
      }
    });
    expect(r.stdout).toContain('got SIGTERM');
    expect(fs.readFileSync(path.join(base, 'model/checkpoint'), 'utf8')).toBe('saved');
    expect(r.code).toBe(0);
    expect(fs.existsSync(out(base, 'success'))).toBe(true);
  });

  it('SIGTERM to a script that ignores it: SIGKILL after the grace period, failure says so', async () => {
    base = makeTrainingTree({
      code: {
        'train.js': `process.on('SIGTERM', () => console.log('ignoring')); console.log('READY'); setInterval(() => {}, 1000);`,
      },
    });
    let sent = false;
    const started = Date.now();
    const r = await runTrain(base, { SAGEMAKER_TOOLKIT_STOP_GRACE_SECONDS: '1' }, (text, kill) => {
      if (!sent && text.includes('READY')) {
        sent = true;
        kill('SIGTERM');
      }
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stdout).toContain('ignoring');
    expect(r.code).toBe(1);
    const failure = fs.readFileSync(out(base, 'failure'), 'utf8');
    expect(failure).toMatch(/^ExecuteUserScriptError:\nExitCode -9\n/);
    expect(failure).toContain('ExtraInfo "Stopped: killed with SIGKILL 1 s after SIGTERM"');
  });

  it('SIGTERM without a handler in user code: failure says it was stopped', async () => {
    base = makeTrainingTree({ code: { 'train.js': `console.log('READY'); setInterval(() => {}, 1000);` } });
    let sent = false;
    const r = await runTrain(base, {}, (text, kill) => {
      if (!sent && text.includes('READY')) {
        sent = true;
        kill('SIGTERM');
      }
    });
    expect(r.code).toBe(1);
    const failure = fs.readFileSync(out(base, 'failure'), 'utf8');
    expect(failure).toMatch(/^ExecuteUserScriptError:\nExitCode -15\n/);
    expect(failure).toContain('ExtraInfo "Stopped: SIGTERM and the user code did not handle it"');
  });

  it('bad config reaches the failure file naming the file and problem', async () => {
    base = makeTrainingTree({ hyperparameters: '{"a": "1",}', code: { 'train.js': '' } });
    const r = await runTrain(base);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(out(base, 'failure'), 'utf8')).toBe(
      `ToolkitConfigError: ${path.join(base, 'input/config/hyperparameters.json')}: invalid JSON: ` +
        'Illegal trailing comma before end of object: line 1 column 11 (char 10)',
    );
  });

  it('no base dir at all: error on stderr, exit 1, and no /opt/ml tree invented', async () => {
    const missing = path.join(workDir, 'no-such-opt-ml');
    const r = await runTrain(missing);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `ToolkitConfigError: ${path.join(missing, 'input/config/hyperparameters.json')}: file not found`,
    );
    expect(r.stderr).toContain('no failure file could be written');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('missing entry point is a clear error naming the code dir', async () => {
    base = makeTrainingTree({ code: { 'other.js': '' } });
    const r = await runTrain(base, { SAGEMAKER_PROGRAM: 'nope.py' });
    expect(r.code).toBe(1);
    expect(fs.readFileSync(out(base, 'failure'), 'utf8')).toBe(
      `EntryPointError: entry point "nope.py" not found in ${path.join(base, 'code')}`,
    );
  });

  it('missing entry point without /opt/ml/code names the working directory', async () => {
    base = makeTrainingTree();
    const r = await runTrain(base, { SAGEMAKER_PROGRAM: 'nope.py' });
    expect(r.code).toBe(1);
    expect(fs.readFileSync(out(base, 'failure'), 'utf8')).toBe(
      `EntryPointError: entry point "nope.py" not found in ${process.cwd()}`,
    );
  });

  it('runs an executable of any other type directly (chmod +x like the toolkit)', async () => {
    base = makeTrainingTree({ code: { run: '#!/bin/sh\necho "CMD $1 $2"\n' } });
    const r = await runTrain(base, { SAGEMAKER_PROGRAM: 'run' }).then(async (first) => first);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CMD');
  });

  it('the 20-line example job: model file, success file and the exact SM_* env', async () => {
    base = makeTrainingTree({
      hyperparameters: {
        epochs: '5',
        'learning-rate': '0.5',
        sagemaker_program: '"train.js"',
        sagemaker_region: '"eu-west-1"',
      },
      inputDataConfig: {
        train: {
          TrainingInputMode: 'File',
          S3DistributionType: 'FullyReplicated',
          RecordWrapperType: 'None',
        },
      },
    });
    fs.mkdirSync(path.join(base, 'code'));
    fs.copyFileSync(exampleJs, path.join(base, 'code', 'train.js'));
    fs.mkdirSync(path.join(base, 'input/data/train'), { recursive: true });
    fs.writeFileSync(path.join(base, 'input/data/train/y.csv'), '1\n2\n3\n');
    fs.mkdirSync(path.join(base, 'model'));

    const r = await runTrain(base);
    expect(r.stderr).not.toContain('FAILURE');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#metric train:loss=[0-9.e-]+ step=4$/m);
    expect(fs.readFileSync(out(base, 'success'), 'utf8')).toBe('');
    const model = JSON.parse(fs.readFileSync(path.join(base, 'model', 'model.json'), 'utf8'));
    expect(model.w).toBeCloseTo(1.9375, 10); // 5 gradient steps of 0.5 towards the mean 2
    expect(model.args).toEqual(['--epochs', '5', '--learning-rate', '0.5']);

    const expected = loadTrainingEnv({
      baseDir: base,
      env: { SAGEMAKER_BASE_DIR: base, TRAINING_JOB_NAME: 'job-1', PATH: process.env.PATH },
    });
    expect(model.smEnv).toEqual(expected.smEnv);
    expect(model.smEnv.SM_HPS).toBe('{"epochs":5,"learning-rate":0.5}');
    expect(model.smEnv.SM_USER_ARGS).toBe('["--epochs","5","--learning-rate","0.5"]');
    expect(model.smEnv.SM_CHANNEL_TRAIN).toBe(path.join(base, 'input/data/train'));
    expect(JSON.parse(model.smEnv.SM_TRAINING_ENV).job_name).toBe('job-1');
  });

  it('the example job with a wrong hyperparameter fails with a named error', async () => {
    base = makeTrainingTree({
      hyperparameters: { epochs: '"many"', 'learning-rate': '0.5' },
      inputDataConfig: { train: { TrainingInputMode: 'File' } },
    });
    fs.mkdirSync(path.join(base, 'code'));
    fs.copyFileSync(exampleJs, path.join(base, 'code', 'train.js'));
    const r = await runTrain(base);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(out(base, 'failure'), 'utf8')).toBe(
      'HyperparameterError: hyperparameter "epochs": expected an integer, received "many"',
    );
  });
});

/** How user code can fail, and what the failure file's ErrorMessage must show (Node prints it on stderr). */
const FAILURES: Array<{
  kind: string;
  file: string;
  code: string;
  exitCode: number;
  shows: string;
  extraInfo?: string;
  jsModes?: boolean;
}> = [
  {
    kind: 'sync throw, CJS',
    file: 'train.js',
    code: 'null.x;',
    exitCode: 1,
    shows: "TypeError: Cannot read properties of null (reading 'x')",
  },
  {
    kind: 'async throw, CJS',
    file: 'train.cjs',
    code: 'setTimeout(() => { throw new RangeError("late"); }, 1);',
    exitCode: 1,
    shows: 'RangeError: late',
  },
  {
    kind: 'unhandled rejection, CJS',
    file: 'train.js',
    code: 'Promise.reject(new Error("rejected"));',
    exitCode: 1,
    shows: 'Error: rejected',
  },
  {
    kind: 'sync throw, ESM',
    file: 'train.mjs',
    code: 'throw new Error("top level");',
    exitCode: 1,
    shows: 'Error: top level',
  },
  {
    kind: 'async throw, ESM',
    file: 'train.mjs',
    code: 'await Promise.resolve(); throw new TypeError("bad tensor shape");',
    exitCode: 1,
    shows: 'TypeError: bad tensor shape',
  },
  {
    kind: 'syntax error, CJS',
    file: 'train.js',
    code: 'let x = ;',
    exitCode: 1,
    shows: "SyntaxError: Unexpected token ';'",
  },
  {
    kind: 'syntax error, ESM',
    file: 'train.mjs',
    code: 'let x = ;',
    exitCode: 1,
    shows: "SyntaxError: Unexpected token ';'",
  },
  {
    kind: 'missing module, CJS',
    file: 'train.js',
    code: 'require("no-such-module");',
    exitCode: 1,
    shows: "Error: Cannot find module 'no-such-module'",
  },
  {
    kind: 'missing module, ESM',
    file: 'train.mjs',
    code: 'import "no-such-module";',
    exitCode: 1,
    shows: "Cannot find package 'no-such-module'",
  },
  {
    kind: 'exit code',
    file: 'train.js',
    code: 'console.error("bad data in row 7"); process.exit(3);',
    exitCode: 3,
    shows: 'bad data in row 7',
  },
  {
    kind: 'exit code, shell',
    file: 'fail.sh',
    code: 'echo "bad data in row 7" >&2; exit 3\n',
    exitCode: 3,
    shows: 'bad data in row 7',
    jsModes: false,
  },
  {
    kind: 'killed by a signal',
    file: 'fail.sh',
    code: 'echo "about to die" >&2; kill -KILL $$\n',
    exitCode: -9,
    shows: 'about to die',
    extraInfo: 'OutOfMemory: Process killed by SIGKILL (signal 9)',
    jsModes: false,
  },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (text: string, part: string) => text.split(part).length - 1;

type FailureCase = (typeof FAILURES)[number];
const failureRuns: Array<[string, string, FailureCase, Record<string, string>]> = FAILURES.flatMap((f) =>
  f.jsModes === false
    ? [[f.kind, 'child', f, {}]]
    : [
        [f.kind, 'in-process', f, {}],
        [f.kind, 'subprocess', f, { SAGEMAKER_TOOLKIT_SUBPROCESS: 'true' }],
      ],
);

describe.each(failureRuns)('train failure report: %s (%s)', (_kind, _mode, f, modeEnv) => {
  let base = '';
  afterEach(() => base && removeTree(base));

  it('failure file: header, ExitCode, the stderr tail, Command; stderr: the error once, one FAILURE line', async () => {
    base = makeTrainingTree({ code: { [f.file]: f.code } });
    const r = await runTrainRaw(base, { SAGEMAKER_PROGRAM: f.file, ...modeEnv });
    expect(r.code).toBe(1);
    const command = f.file.endsWith('.sh') ? `/bin/sh ${f.file}` : `\\S*node ${f.file}`;
    const extra = f.extraInfo ? `ExtraInfo "${escapeRe(f.extraInfo)}"\\n` : '';
    const shape = new RegExp(
      `^ExecuteUserScriptError:\\nExitCode ${f.exitCode}\\nErrorMessage "([\\s\\S]*)"\\n${extra}Command "${command}"$`,
    );
    const failure = fs.readFileSync(out(base, 'failure'), 'utf8');
    expect(failure).toMatch(shape);
    const errorMessage = (shape.exec(failure) as RegExpExecArray)[1];
    expect(errorMessage).toContain(f.shows);
    expect(errorMessage).not.toContain('[sagemaker-toolkit]'); // none of our own log lines
    expect(errorMessage.length).toBeLessThanOrEqual(800);
    expect(fs.existsSync(out(base, 'success'))).toBe(false);

    expect(count(r.stderr, 'Reporting training FAILURE')).toBe(1);
    expect(count(r.stderr, f.shows)).toBe(1); // the user's error (and stack) printed once
    expect(r.stderr).toContain(
      `Reporting training FAILURE\n[sagemaker-toolkit] ExecuteUserScriptError:\nExitCode ${f.exitCode}\n`,
    );
  });
});

describe('PYTHONPATH for every entry-point type (code dir first, as the toolkit sets it)', () => {
  const show =
    'require("fs").writeFileSync(process.env.SM_MODEL_DIR + "/pythonpath", process.env.PYTHONPATH)';
  it.each([
    ['JS in-process', 'train.js', show, {}],
    ['JS subprocess', 'train.js', show, { SAGEMAKER_TOOLKIT_SUBPROCESS: 'true' }],
    ['shell launcher', 'launch.sh', 'printf %s "$PYTHONPATH" > "$SM_MODEL_DIR/pythonpath"\n', {}],
    ['other executable', 'launch', '#!/bin/sh\nprintf %s "$PYTHONPATH" > "$SM_MODEL_DIR/pythonpath"\n', {}],
  ])('%s', async (_name, file, code, modeEnv: Record<string, string>) => {
    const base = makeTrainingTree({ code: { [file]: code } });
    try {
      const r = await runTrainRaw(base, { SAGEMAKER_PROGRAM: file, PYTHONPATH: '/opt/extra', ...modeEnv });
      expect(r.code).toBe(0);
      expect(fs.readFileSync(path.join(base, 'model', 'pythonpath'), 'utf8')).toBe(
        `${path.join(base, 'code')}:/opt/extra`,
      );
    } finally {
      removeTree(base);
    }
  });
});

describe('train in a custom image without /opt/ml/code', () => {
  it("runs the entry point from the image's working directory", async () => {
    const base = makeTrainingTree(); // no code/ folder, as SageMaker lays out a custom-image job
    const image = fs.mkdtempSync(path.join(os.tmpdir(), 'image-workdir-'));
    try {
      fs.writeFileSync(
        path.join(image, 'job.js'),
        "require('fs').writeFileSync(require('path').join(process.env.SM_MODEL_DIR, 'cwd.txt'), process.cwd());\n",
      );
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(trainJs, [], {
          cwd: image,
          env: { PATH: process.env.PATH ?? '', SAGEMAKER_BASE_DIR: base, SAGEMAKER_PROGRAM: 'job.js' },
          stdio: 'ignore',
        });
        child.on('close', resolve);
      });
      expect(code).toBe(0);
      expect(fs.existsSync(path.join(base, 'code'))).toBe(false);
      expect(fs.realpathSync(fs.readFileSync(path.join(base, 'model', 'cwd.txt'), 'utf8'))).toBe(
        fs.realpathSync(image),
      );
      expect(fs.existsSync(path.join(base, 'output', 'success'))).toBe(true);
    } finally {
      removeTree(base);
      removeTree(image);
    }
  });
});
