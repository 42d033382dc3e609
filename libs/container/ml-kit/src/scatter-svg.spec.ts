import { scatterSvg } from './scatter-svg';

describe('scatterSvg', () => {
  const svg = scatterSvg([10, 20, 30], [12, 19, 33], 'mpg <test> & more', 'mpg');

  it('draws one point per sample at the scaled (actual, predicted) position and the identity line', () => {
    const points = [...svg.matchAll(/class="point" cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(points).toHaveLength(3);
    // x grows with actual, y (SVG goes down) shrinks as predicted grows.
    expect(points[0][0]).toBeLessThan(points[1][0]);
    expect(points[2][1]).toBeLessThan(points[0][1]);
    expect(svg).toContain('class="identity"');
  });

  it('is a standalone, escaped SVG document with axis ticks', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('mpg &lt;test&gt; &amp; more');
    expect(svg).toMatch(/>20<\/text>/);
  });
});
