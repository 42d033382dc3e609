import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const MB = 1024 * 1024;

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await fs.stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}

/** Samples this process's RSS every `everyMs` while `fn` runs; returns the peak in bytes. */
export async function peakRss<T>(fn: () => Promise<T>, everyMs = 10): Promise<{ peak: number; value: T }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), everyMs);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { peak, value };
  } finally {
    clearInterval(timer);
  }
}

export function machine(): string {
  const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], {
    encoding: 'utf8',
  }).trim();
  return `${cpu || 'unknown CPU'}, ${require('node:os').cpus().length} cores, Node ${process.version}`;
}
