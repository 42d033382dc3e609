/** A confusion-matrix heatmap as a standalone SVG (no dependency; opens in any browser / HTML report). */
import { escapeXml as esc } from './svg-escape';
import { ConfusionMatrix } from './classification-metrics';

/** Cell colour from white (0) to dark blue (row maximum = recall 1). */
function shade(fraction: number): string {
  const f = Math.max(0, Math.min(1, fraction));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * f);
  return `rgb(${mix(247, 8)},${mix(251, 48)},${mix(255, 107)})`;
}

export function confusionMatrixSvg(cm: ConfusionMatrix, title: string): string {
  const cell = 90;
  const left = 130;
  const top = 80;
  const n = cm.labels.length;
  const width = left + n * cell + 30;
  const height = top + n * cell + 70;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`,
    `<text x="${left + (n * cell) / 2}" y="${top - 36}" text-anchor="middle" font-size="13">predicted</text>`,
    `<text x="18" y="${top + (n * cell) / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 18 ${top + (n * cell) / 2})">actual</text>`,
  ];
  cm.labels.forEach((label, k) => {
    parts.push(
      `<text x="${left + k * cell + cell / 2}" y="${top - 10}" text-anchor="middle" font-size="12">${esc(label)}</text>`,
    );
    parts.push(
      `<text x="${left - 8}" y="${top + k * cell + cell / 2 + 4}" text-anchor="end" font-size="12">${esc(label)}</text>`,
    );
  });
  cm.matrix.forEach((row, r) => {
    const total = row.reduce((s, v) => s + v, 0);
    row.forEach((v, c) => {
      const f = total === 0 ? 0 : v / total;
      const x = left + c * cell;
      const y = top + r * cell;
      parts.push(
        `<rect class="cell" data-actual="${esc(cm.labels[r])}" data-predicted="${esc(cm.labels[c])}" data-count="${v}" ` +
          `x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${shade(f)}" stroke="#ccc"/>`,
      );
      parts.push(
        `<text x="${x + cell / 2}" y="${y + cell / 2 + 5}" text-anchor="middle" font-size="16" fill="${f > 0.5 ? 'white' : 'black'}">${v}</text>`,
      );
    });
  });
  const total = cm.matrix.flat().reduce((s, v) => s + v, 0);
  parts.push(
    `<text x="${left}" y="${height - 20}" font-size="12" fill="#555">n = ${total}; colour = share of the actual class (row)</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
