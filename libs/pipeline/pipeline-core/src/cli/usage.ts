import type { BatchCliSpec } from './cli-spec';

/** The --help text; also printed after a usage error. */
export function formatUsage(spec: BatchCliSpec): string {
  const rows: [string, string][] = [
    ['--model <name>', 'model section of the config to run (e.g. iris)'],
    ['--all-models', 'run for every model in the config, one after the other'],
    ['--run-id <id>', 'pipeline run id (lowercase letters, digits, "-"; max 32); reuse it to resume'],
    ['--env <name>', 'config environment: configs/<env>.yaml (default: local)'],
    ['--config-dir <dir>', 'directory holding <env>.yaml (default: <workspace>/configs)'],
    ['--no-cache', "launch the job even when an earlier run's step had the same inputs (step cache)"],
    ...(spec.extraOptions ?? []).map((o): [string, string] => [
      `--${o.name} <${o.valueName}>`,
      o.defaultText ? `${o.description} (default: ${o.defaultText})` : o.description,
    ]),
    [
      '--migrate-only',
      'apply the database migrations of <env>.yaml and exit (takes only --env, --config-dir)',
    ],
    ['-h, --help', 'show this help'],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `Usage: ${spec.command} (--model <name> | --all-models) --run-id <id> [options]`,
    '',
    ...wrap(spec.summary, 100),
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    '',
    'Exit codes: 0 ok, 1 job failed, 2 bad input or config (nothing started), 130 interrupted (job keeps running).',
  ].join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
