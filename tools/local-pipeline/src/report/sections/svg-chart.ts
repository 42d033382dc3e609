import { formatNumber } from '../../summary/format-metrics';
import { escapeHtml as e } from '../html-escape';

/** One series of a chart: its label and its (x, y) points, already in drawing order. */
export interface ChartSeries {
  label: string;
  points: { x: number; y: number; title?: string; highlight?: boolean }[];
  /** Draw a line through the points (learning curve) or points only (scatter). */
  line: boolean;
}

const W = 420;
const H = 240;
const PAD = { left: 52, right: 12, top: 12, bottom: 34 };
const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bc4c00'];

/**
 * A small self-contained SVG chart (no script, no external resource): linear axes with min/max ticks,
 * one colour per series, a legend. Every point is a `<circle class="pt">` so its value shows on hover.
 */
export function svgChart(input: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  /** Category names for a categorical x axis (x = index). */
  xCategories?: string[];
}): string {
  const all = input.series.flatMap((s) => s.points);
  if (all.length === 0) return '';
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  // Ticks at the data's own min and max; the scale has a margin so no point sits on an axis.
  const [xMin, xMax, yMin, yMax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const xTick = (v: number) => (input.xCategories ? (input.xCategories[v] ?? '') : formatNumber(v));
  const body = input.series
    .map((s, i) => {
      const color = COLORS[i % COLORS.length];
      const path = s.line
        ? `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${s.points
            .map((p) => `${round(sx(p.x))},${round(sy(p.y))}`)
            .join(' ')}"/>`
        : '';
      const dots = s.points
        .map(
          (p) =>
            `<circle class="pt${p.highlight ? ' best' : ''}" cx="${round(sx(p.x))}" cy="${round(sy(p.y))}" r="${
              p.highlight ? 5 : 3
            }" fill="${color}"${p.highlight ? ' stroke="#000" stroke-width="1.5"' : ''}><title>${e(
              p.title ?? `${s.label}: ${formatNumber(p.x)} → ${formatNumber(p.y)}`,
            )}</title></circle>`,
        )
        .join('');
      return `<g class="series" data-label="${e(s.label)}" data-points="${s.points.length}">${path}${dots}</g>`;
    })
    .join('');
  const legend = input.series
    .map(
      (s, i) =>
        `<text x="${W - PAD.right}" y="${PAD.top + 12 * (i + 1)}" text-anchor="end" fill="${COLORS[i % COLORS.length]}" stroke="#fff" stroke-width="3" paint-order="stroke" font-size="10">${e(s.label)}</text>`,
    )
    .join('');
  const axis = '#888';
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui,sans-serif">` +
    `<title>${e(input.title)}</title>` +
    `<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="${axis}"/>` +
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}" stroke="${axis}"/>` +
    `<text x="${round(sx(xMin))}" y="${H - PAD.bottom + 14}" font-size="10" text-anchor="middle">${e(xTick(xMin))}</text>` +
    (xMax !== xMin
      ? `<text x="${round(sx(xMax))}" y="${H - PAD.bottom + 14}" font-size="10" text-anchor="middle">${e(xTick(xMax))}</text>`
      : '') +
    `<text x="${(W + PAD.left) / 2}" y="${H - 4}" font-size="11" text-anchor="middle">${e(input.xLabel)}</text>` +
    `<text x="${PAD.left - 4}" y="${round(sy(yMin)) + 3}" font-size="10" text-anchor="end">${e(formatNumber(yMin))}</text>` +
    (yMax !== yMin
      ? `<text x="${PAD.left - 4}" y="${round(sy(yMax)) + 3}" font-size="10" text-anchor="end">${e(formatNumber(yMax))}</text>`
      : '') +
    `<text transform="translate(12 ${(H - PAD.bottom + PAD.top) / 2}) rotate(-90)" font-size="11" text-anchor="middle">${e(input.yLabel)}</text>` +
    body +
    legend +
    '</svg>'
  );
}

/** [min, max] with 4 % margin (points off the axes), widened when flat so a single value still draws. */
function extent(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const margin = min === max ? (Math.abs(min) || 1) * 0.05 : (max - min) * 0.04;
  return [min - margin, max + margin];
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
