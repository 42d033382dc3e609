import type { CachedJobInfo } from '@mlops/db';
import { escapeHtml as e } from '../html-escape';

export const CACHE_BADGE_STYLE = `.cached{display:inline-block;margin-left:.4rem;padding:0 .35rem;border-radius:.3rem;background:#e8f0fe;color:#174ea6;font-size:12px}`;

/** The words used everywhere a reused step is shown (report, console summary). */
export function cachedLabel(info: Pick<CachedJobInfo, 'sourceJobName'>): string {
  return `cached (from ${info.sourceJobName})`;
}

/** Badge next to a job that reused an earlier run's outputs; empty for a job that ran. */
export function renderCacheBadge(cached: readonly CachedJobInfo[], jobName: string): string {
  const info = cached.find((c) => c.jobName === jobName);
  if (!info) return '';
  const title = info.sourceRunId ? ` title="outputs of run ${e(info.sourceRunId)}"` : '';
  return `<span class="cached" data-cached-from="${e(info.sourceJobName)}"${title}>${e(cachedLabel(info))}</span>`;
}
