import { describe, expect, it } from 'vitest';
import { decadeDomain, decadeTicks, formatIntensity, logBarsLayout, rooflineLayout } from './charts';
import { formatNsAligned } from '../../../sim/core/format';

describe('simd charts', () => {
  it('decade domains and exact ticks', () => {
    expect(decadeDomain([0.17, 37])).toEqual([0.1, 100]);
    expect(decadeDomain([])).toEqual([1, 10]);
    expect(decadeTicks([1e-3, 1e3], 2)).toEqual([1e-3, 1e-1, 10, 1e3]);
  });

  it('a roof rises with the bandwidth and turns flat at the ridge', () => {
    // Peak 115.2 GFLOP/s, RAM 20 GB/s: ridge at 5.76 flop/byte.
    const l = rooflineLayout([{ level: 'RAM', bandwidth: 20e9 }], [{ id: 'simd', label: 'peak', flops: 115.2e9 }], [{ id: 'simd', label: 'SIMD', intensity: 1 / 6, flops: 20e9 / 6 }], 600, 400, 16);
    const d = l.roofs[0]!.d;
    const corners = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(corners).toHaveLength(3);
    expect(corners[1]![0]!).toBeCloseTo(l.x(5.76), 0);
    expect(corners[1]![1]!).toBeCloseTo(l.y(115.2e9), 0);
    expect(corners[2]![1]!).toBeCloseTo(corners[1]![1]!, 6);
    // The memory-bound point sits on the slope: at I = 1/6, y = I × B.
    expect(l.points[0]!.cy).toBeCloseTo(l.y((1 / 6) * 20e9), 6);
    expect(l.peaks[0]!.y).toBeCloseTo(l.y(115.2e9), 6);
  });

  it('bars on a log axis, with a mark for the model', () => {
    const l = logBarsLayout([{ id: 'a', label: 'a', value: 1, mark: 10 }, { id: 'b', label: 'b', value: 100 }], 500, 10, { gaps: [1] });
    expect(l.x.domain()).toEqual([1, 100]);
    expect(l.rows[0]!.markX).toBeCloseTo(l.x(10), 6);
    expect(l.rows[1]!.y - l.rows[0]!.y).toBeCloseTo(15.5 + 7, 6);
    expect(l.rows[1]!.width).toBeCloseTo(l.x(100) - l.labelWidth, 6);
  });

  it('formats', () => {
    expect([formatNsAligned(0.5208), formatNsAligned(2.5e4), formatNsAligned(6e7), formatIntensity(1 / 16), formatIntensity(4)]).toEqual(['0.52 ns', '25.0 µs', '60.0 ms', '1/16', '4']);
  });
});
