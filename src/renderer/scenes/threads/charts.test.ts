import { describe, expect, it } from 'vitest';
import { binFinals, histogramLayout, outcomeLayout } from './charts';

describe('threads charts', () => {
  it('bins finals over a domain that includes the expected value', () => {
    // Domain [0, 120] (lowest final 0, expected 120), 12 bins of 10: 0 → [0,10), 15 and 19 → [10,20); no run near 120.
    const bins = binFinals([0, 15, 19], 120, 12);
    expect(bins).toHaveLength(12);
    expect(bins[0]).toEqual({ x0: 0, x1: 10, count: 1 });
    expect(bins[1]).toEqual({ x0: 10, x1: 20, count: 2 });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(bins.at(-1)).toEqual({ x0: 110, x1: 120, count: 0 });
  });

  it('a run that lost nothing still gets a visible bin', () => {
    const bins = binFinals([400, 400], 400, 4);
    // Domain widened to [399, 401], bins of 0.5: 400 falls in [400, 400.5).
    expect(bins.map((b) => b.count)).toEqual([0, 0, 2, 0]);
    expect(binFinals([], 10)).toEqual([]);
  });

  it('histogram bars: tallest bin reaches the top, empty bins have no height', () => {
    const layout = histogramLayout(binFinals([0, 15, 19], 40, 4), 400, 200, 10);
    // bins of 10 over [0, 40]: counts 1, 2, 0, 0; y from baseline 178 to top 8.
    expect(layout.bars.map((b) => b.count)).toEqual([1, 2, 0, 0]);
    expect(layout.bars[1]!.y).toBe(8);
    expect(layout.bars[1]!.height).toBe(170);
    expect(layout.bars[0]!.height).toBe(85);
    expect(layout.bars[2]!.height).toBe(0);
  });

  it('outcome bars: one per value; counts on a square-root scale', () => {
    const layout = outcomeLayout([2, 3, 4], { '2': 4n, '3': 16n, '4': 64n }, 300, 100, 10);
    expect(layout.bars.map((b) => b.value)).toEqual([2, 3, 4]);
    // plot height 100 − 16 − 14 = 70; sqrt(4/64) = 0.25, sqrt(16/64) = 0.5, 1.
    expect(layout.bars.map((b) => b.height)).toEqual([17.5, 35, 70]);
    const plain = outcomeLayout([2, 3, 4], null, 300, 100, 10);
    expect(plain.bars.map((b) => b.height)).toEqual([70, 70, 70]);
  });
});
