export const USAGE = `Usage: local-pipeline [options]

Runs the whole pipeline (collection → preprocess → training → evaluation → inference) for every model
of the config, prints a summary table and writes an HTML run report. With a local config (loopback
endpoints) it starts the embedded local stack (local SageMaker + Logs + S3) first and stops it at the end.

Options:
  --env <name>          config environment: configs/<name>.yaml (default: local)
  --models <a,b>        only these models (default: every model in the config)
  --runtime <r>         auto | docker | process (default: local.runtime of the config).
                        auto = docker when a daemon answers and every model image exists, else process
  --batches <b>         where the batch CLIs run: process | docker (default: process).
                        docker = \`docker run --rm pipeline-<phase>:latest\` per batch (host network,
                        host user); build the images with
                        \`npx nx run-many -t docker:build -p pipeline-collection pipeline-preprocess
                        pipeline-training pipeline-evaluation pipeline-inference\`
  --run-id <id>         reuse a run id to resume a run (default: a new id)
  --parallel <n>        run up to n models side by side, each in phase order (default: 1)
  --config-dir <dir>    config directory (default: configs)
  --no-cache            launch every job, even a step whose inputs, request, image and code match a
                        completed step of an earlier run (default: such a step reuses its outputs)
  -h, --help            show this help

Exit codes: 0 all batches succeeded, 1 a batch failed, 2 bad input or config (nothing started),
130 interrupted.

Local stack: started as a daemon (state dir local.stateDir/local-sagemaker) that outlives this command;
stopped at the end of the run unless a job still runs on it. Ctrl-C detaches: the running job keeps
running, a rerun with the same --run-id re-attaches; Ctrl-C again exits at once.
  node tools/local-sagemaker/dist/cli.js status|stop --state-dir <dir>
`;
