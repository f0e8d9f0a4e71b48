import { describe, expect, it } from 'vitest';
import { decadeDomain, startupChartLayout } from './startupChart';
import { formatMsAligned } from '../../../sim/core/format';

describe('startup chart', () => {
  it('domain: whole decades around the values', () => {
    // 6.3e-6 ms → 1e-6; 30 000 ms → 1e5 (log10 30 000 = 4.48, ceil 5).
    expect(decadeDomain([6.3e-6, 2.5, 30_000])).toEqual([1e-6, 1e5]);
    expect(decadeDomain([10])).toEqual([10, 100]);
    expect(decadeDomain([])).toEqual([1e-3, 1]);
  });

  it('bars: equal ratios give equal widths on the log axis', () => {
    const l = startupChartLayout(
      [
        { id: 'a', label: 'a', ms: 1e-3, measured: true },
        { id: 'b', label: 'b', ms: 1, measured: true },
        { id: 'c', label: 'c', ms: 1000, measured: false },
      ],
      1000,
      10,
    );
    // Domain [1e-3, 1e3]: 6 decades over [75, 955] px, so 1 ms is at the middle, 515 px.
    expect(l.x.domain()).toEqual([1e-3, 1e3]);
    expect(l.rows[1]!.width).toBeCloseTo(515 - 75, 6);
    // 1 ms → 1 s is three more decades: the bar doubles.
    expect(l.rows[2]!.width).toBeCloseTo(2 * l.rows[1]!.width, 6);
    expect(l.rows[0]!.width).toBe(1); // at the domain's floor: a hairline, not nothing
    expect(l.ticks).toEqual([1e-3, 1e-2, 1e-1, 1, 10, 100, 1000]);
  });

  it('formats across units', () => {
    expect(formatMsAligned(6.3e-6)).toBe('6.30 ns');
    expect(formatMsAligned(0.027)).toBe('27.0 µs');
    expect(formatMsAligned(2.56)).toBe('2.56 ms');
    expect(formatMsAligned(125)).toBe('125 ms');
    expect(formatMsAligned(1200)).toBe('1.20 s');
    expect(formatMsAligned(0)).toBe('0 ms');
  });
});
