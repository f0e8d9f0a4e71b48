import { describe, expect, it } from 'vitest';
import { formatCount, GUIDES, growthLayout, guidePath } from './growthChart';

describe('growth chart', () => {
  it('maps decades linearly on both axes', () => {
    const l = growthLayout(10_000, 5e7, 600, 400, 10);
    // x: log10(n)/4 of the plot; cost rounded up to 1e8: log10(c)/8
    expect(l.x(100) - l.left).toBeCloseTo(l.plotW / 2, 9);
    expect(l.y(1e4)).toBeCloseTo(l.top + l.plotH / 2, 9);
    expect(l.xTicks).toEqual([1, 10, 100, 1000, 10_000]);
    expect(l.maxCost).toBe(1e8);
  });
  it('O(n²) stops at the top of the plot; O(1) runs flat to the right edge', () => {
    const l = growthLayout(1e4, 1e4, 600, 400, 10);
    const sq = guidePath(GUIDES.find((g) => g.id === 'on2')!, l);
    expect(sq.end.x).toBeCloseTo(l.x(100), 6); // 100² = 10⁴ reaches the top at n = 100
    const flat = guidePath(GUIDES[0]!, l);
    expect(flat.end).toEqual({ x: l.x(1e4), y: l.y(1) });
  });
  it('formats counts', () => {
    expect([formatCount(12), formatCount(1500), formatCount(2.5e6), formatCount(2.1e9)]).toEqual(['12', '1.5k', '2.5M', '2.1G']);
  });
});
