import { BatchCliSpec, COMMON_OPTIONS, CommonOption, LAST_OPTIONS } from './cli-spec';

/** The --help text; also printed after a usage error. */
export function formatUsage(spec: BatchCliSpec): string {
  const rows: [string, string][] = [
    ...COMMON_OPTIONS.map(usageRow),
    ...(spec.extraOptions ?? []).map((o) => usageRow({ ...o, type: 'string' })),
    ...LAST_OPTIONS.map(usageRow),
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

function usageRow(o: CommonOption): [string, string] {
  const flag = `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.valueName ? ` <${o.valueName}>` : ''}`;
  return [flag, o.defaultText ? `${o.description} (default: ${o.defaultText})` : o.description];
}
