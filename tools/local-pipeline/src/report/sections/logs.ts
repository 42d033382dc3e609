import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_GROUPS } from '@mlops/aws';
import type { JobRow } from '@mlops/db';
import { escapeHtml as e } from '../html-escape';

/**
 * Where each job's logs are: the CloudWatch Logs group and stream prefix (`<job>/`, one stream per
 * host; the same on AWS and on the local stack) and, when the run used the local stack, the stream
 * files on disk (`<stack state>/logs/<group>/<stream>.jsonl`, names URI-encoded).
 */
export function renderLogs(jobs: readonly JobRow[], logsDir?: string): string {
  if (jobs.length === 0) return '';
  const rows = jobs
    .map((j) => {
      const group = LOG_GROUPS[j.jobType === 'Training' ? 'training' : 'processing'];
      const files = logsDir ? localStreams(logsDir, group, j.sagemakerName) : [];
      return (
        `<tr><td><code>${e(j.sagemakerName)}</code></td><td><code>${e(group)}</code></td>` +
        `<td><code>${e(`${j.sagemakerName}/`)}</code></td><td>${
          files.length > 0
            ? files.map((f) => `<code>${e(f)}</code>`).join('<br>')
            : '<span class="muted">-</span>'
        }</td></tr>`
      );
    })
    .join('');
  return `<table class="logs"><tr><th>Job</th><th>Log group</th><th>Stream prefix</th><th>On disk (local stack)</th></tr>${rows}</table>`;
}

function localStreams(logsDir: string, group: string, job: string): string[] {
  const dir = join(logsDir, encodeURIComponent(group));
  if (!existsSync(dir)) return [];
  const prefix = encodeURIComponent(`${job}/`);
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}
