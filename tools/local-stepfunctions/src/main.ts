import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs, USAGE, LocalStepFunctionsUsageError } from './cli/parse-args';
import { DefinitionError, runMachine } from './run/run-machine';
import { dockerRunner } from './tasks/docker-runner';
import { Recorder } from './tasks/recorder';
import { TemplateError, type CfnTemplate } from './template/cfn-intrinsics';
import { pickMachine, stateMachinesOf } from './template/state-machines';

// What a batch reads from its env (config overrides, the SDK's settings and credentials, libpq defaults,
// its poll interval); the same rule as tools/local-pipeline's batch containers.
const FORWARDED = /^((MLOPS__|AWS_|PG)[A-Za-z0-9_]*|MLOPS_POLL_MS)$/;

async function main(argv: string[]): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const args = parseArgs(argv, randomUUID);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    let template: CfnTemplate;
    try {
      template = JSON.parse(readFileSync(args.template, 'utf8')) as CfnTemplate;
    } catch (e) {
      throw new LocalStepFunctionsUsageError(
        `--template ${args.template}: ${(e as Error).message} (run \`npx nx run infra:synth\`)`,
      );
    }
    const machines = stateMachinesOf(template, args.template);
    if (args.list) {
      for (const m of machines) process.stdout.write(`${m.name}\t${m.logicalId}\n`);
      return 0;
    }
    const machine = pickMachine(machines, args.stateMachine, args.template);
    const started = Date.now();
    const outcome = await runMachine({
      machine,
      template,
      input: args.input,
      executionName: args.executionName,
      runner: dockerRunner({
        network: args.network,
        env: process.env,
        forward: (n) => FORWARDED.test(n),
        log: (container, line) => err(`  ${container} │ ${line}`),
      }),
      recorder: new Recorder(args.sink),
      localTag: args.localTag,
      timeScale: args.timeScale,
      log: (line) => err(`[${machine.name}] ${line}`),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (outcome.status === 'SUCCEEDED') {
      err(`[${machine.name}] execution ${args.executionName} SUCCEEDED in ${seconds} s`);
      process.stdout.write(`${JSON.stringify(outcome.output)}\n`);
      return 0;
    }
    err(
      `[${machine.name}] execution ${args.executionName} FAILED in ${seconds} s: ${outcome.error}: ${outcome.cause}`,
    );
    return 1;
  } catch (e) {
    if (e instanceof LocalStepFunctionsUsageError) {
      err(`local-stepfunctions: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof DefinitionError || e instanceof TemplateError) {
      err(`local-stepfunctions: ${(e as Error).message}`);
      return 2;
    }
    err(`local-stepfunctions: ${(e as Error)?.stack ?? String(e)}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
