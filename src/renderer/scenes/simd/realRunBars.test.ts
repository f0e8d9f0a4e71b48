import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../sim/hardware/presets';
import type { SimdMeasurement } from '../../../shared/api';
import { modelGbps, realRunBars, simdRatio } from './realRunBars';

const machine = getPreset('2020')!;
const row = (kernel: 'sum' | 'saxpy', impl: SimdMeasurement['impl'], bytes: number, gbps: number): SimdMeasurement => ({
  kernel, impl, bytes, n: bytes / 4, bytesMoved: bytes, ms: 1, gbps, checksum: 0, reference: 0, tolerance: 1, agrees: true,
});

describe('simd real-run bars', () => {
  it('predicts the scalar sum from the add latency: 4 bytes per 4 cycles at 3.6 GHz = 3.6 GB/s', () => {
    expect(modelGbps('sum', 'wasm-scalar', 16384, machine)).toBeCloseTo(3.6, 2);
  });

  it('groups by size, slowest implementation first, and gives the SIMD/scalar ratio', () => {
    const results = [row('sum', 'wasm-simd', 16384, 40), row('sum', 'wasm-scalar', 16384, 4), row('sum', 'js-map', 16384, 0.2), row('sum', 'wasm-simd', 4096, 30), row('saxpy', 'wasm-simd', 16384, 9)];
    const { bars, gaps, sizes } = realRunBars(results, 'sum', machine);
    expect(sizes).toEqual([4096, 16384]);
    expect(bars.map((b) => b.id)).toEqual(['sum.wasm-simd.4096', 'sum.js-map.16384', 'sum.wasm-scalar.16384', 'sum.wasm-simd.16384']);
    expect(gaps).toEqual([0, 1]);
    expect(bars.map((b) => b.group)).toEqual(['4 KiB arrays', '16 KiB arrays', undefined, undefined]);
    expect(simdRatio(results, 'sum', 16384)).toBe(10);
    expect(simdRatio(results, 'sum', 4096)).toBeNull();
  });
});
