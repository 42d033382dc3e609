/** Predicted-vs-actual scatter plot as a standalone SVG, with the y = x line (perfect predictions). */
import { escapeXml as esc } from './svg-escape';
function niceTicks(lo: number, hi: number, count = 5): number[] {
  const step0 = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

export function scatterSvg(
  actual: readonly number[],
  predicted: readonly number[],
  title: string,
  unit: string,
): string {
  const width = 520;
  const height = 520;
  const m = { left: 60, right: 20, top: 50, bottom: 60 };
  const all = [...actual, ...predicted];
  const pad = (Math.max(...all) - Math.min(...all)) * 0.05 || 1;
  const lo = Math.min(...all) - pad;
  const hi = Math.max(...all) + pad;
  const sx = (v: number) => m.left + ((v - lo) / (hi - lo)) * (width - m.left - m.right);
  const sy = (v: number) => height - m.bottom - ((v - lo) / (hi - lo)) * (height - m.top - m.bottom);
  const f = (v: number) => v.toFixed(1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`,
    `<rect x="${m.left}" y="${m.top}" width="${width - m.left - m.right}" height="${height - m.top - m.bottom}" fill="none" stroke="#999"/>`,
  ];
  for (const t of niceTicks(lo, hi)) {
    parts.push(
      `<line x1="${f(sx(t))}" y1="${height - m.bottom}" x2="${f(sx(t))}" y2="${height - m.bottom + 5}" stroke="#999"/>`,
    );
    parts.push(
      `<text x="${f(sx(t))}" y="${height - m.bottom + 18}" text-anchor="middle" font-size="11">${t}</text>`,
    );
    parts.push(`<line x1="${m.left - 5}" y1="${f(sy(t))}" x2="${m.left}" y2="${f(sy(t))}" stroke="#999"/>`);
    parts.push(`<text x="${m.left - 8}" y="${f(sy(t) + 4)}" text-anchor="end" font-size="11">${t}</text>`);
  }
  parts.push(
    `<line class="identity" x1="${f(sx(lo))}" y1="${f(sy(lo))}" x2="${f(sx(hi))}" y2="${f(sy(hi))}" stroke="#d62728" stroke-dasharray="5,4"/>`,
  );
  actual.forEach((a, i) => {
    parts.push(
      `<circle class="point" cx="${f(sx(a))}" cy="${f(sy(predicted[i]))}" r="3.5" fill="#1f77b4" fill-opacity="0.7"/>`,
    );
  });
  parts.push(
    `<text x="${width / 2}" y="${height - 18}" text-anchor="middle" font-size="13">actual ${esc(unit)}</text>`,
  );
  parts.push(
    `<text x="16" y="${height / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 16 ${height / 2})">predicted ${esc(unit)}</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
