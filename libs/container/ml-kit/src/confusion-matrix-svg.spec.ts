import { confusionMatrixSvg } from './confusion-matrix-svg';

describe('confusionMatrixSvg', () => {
  const svg = confusionMatrixSvg(
    {
      labels: ['a<b', 'c'],
      matrix: [
        [3, 1],
        [0, 4],
      ],
    },
    'title & more',
  );

  it('draws one cell per matrix entry with its count', () => {
    const cells = [...svg.matchAll(/data-actual="([^"]+)" data-predicted="([^"]+)" data-count="(\d+)"/g)].map(
      (m) => m.slice(1),
    );
    expect(cells).toEqual([
      ['a&lt;b', 'a&lt;b', '3'],
      ['a&lt;b', 'c', '1'],
      ['c', 'a&lt;b', '0'],
      ['c', 'c', '4'],
    ]);
  });

  it('is a standalone, escaped SVG document', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('title &amp; more');
    expect(svg).not.toContain('a<b');
    expect(svg).toContain('n = 8');
  });
});
