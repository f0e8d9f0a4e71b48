import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../sim/hardware/presets';
import { machineFromMeasurements } from '../../../sim/hardware/thisMachine';
import { heatMapLayout, mountainGrid, predictBandwidth, predictionLevels, type PredictionLevel } from './mountain';

const LEVELS: PredictionLevel[] = [
  { name: 'L1', bytes: 32 * 1024, lineBytes: 64, ns: 1, source: 't' },
  { name: 'L2', bytes: 512 * 1024, lineBytes: 64, ns: 4, source: 't' },
  { name: 'memory', bytes: Infinity, lineBytes: 64, ns: 100, source: 't' },
];

describe('memory mountain prediction', () => {
  it('works small cases by hand', () => {
    // Fits L1: every access 1 ns → 8 B / 1 ns = 8 GB/s, whatever the stride.
    expect(predictBandwidth(LEVELS, 16 * 1024, 1)).toBe(8);
    expect(predictBandwidth(LEVELS, 32 * 1024, 32)).toBe(8);
    // 256 KiB lives in L2. Stride 1: k = 64 / 8 = 8 accesses per line: (4 + 7 × 1) / 8 = 11/8 ns → 8 / (11/8) = 64/11 GB/s.
    expect(predictBandwidth(LEVELS, 256 * 1024, 1)).toBeCloseTo(64 / 11, 12);
    // Stride 2: k = 4: (4 + 3) / 4 = 7/4 ns → 32/7 GB/s. Stride 8 and beyond: k = 1: 4 ns → 2 GB/s.
    expect(predictBandwidth(LEVELS, 256 * 1024, 2)).toBeCloseTo(32 / 7, 12);
    expect(predictBandwidth(LEVELS, 256 * 1024, 8)).toBe(2);
    expect(predictBandwidth(LEVELS, 256 * 1024, 32)).toBe(2);
    // 1 GiB is in memory. Stride 4: k = 2: (100 + 1) / 2 = 50.5 ns → 8 / 50.5 GB/s.
    expect(predictBandwidth(LEVELS, 2 ** 30, 4)).toBeCloseTo(8 / 50.5, 12);
  });

  it('fills missing latencies from the fallback table and says where each came from', () => {
    const machine = machineFromMeasurements({
      cores: 2,
      osCaches: [
        { level: 1, type: 'Data', bytes: 32 * 1024, ways: 8, lineBytes: 64 },
        { level: 2, type: 'Unified', bytes: 512 * 1024, ways: 8, lineBytes: 64 },
        { level: 3, type: 'Unified', bytes: 32 * 1024 * 1024, ways: 16, lineBytes: 64 },
      ],
    });
    const levels = predictionLevels(machine, getPreset('2020')!);
    // 2020: L1 1 ns, L2 4 ns, no L3, memory 100 ns → L3 = √(4 × 100) = 20 ns.
    expect(levels.map((l) => [l.name, l.bytes, l.ns])).toEqual([
      ['L1', 32 * 1024, 1],
      ['L2', 512 * 1024, 4],
      ['L3', 32 * 1024 * 1024, 20],
      ['memory', Infinity, 100],
    ]);
    expect(levels[0]!.source).toMatch(/^stand-in: Colin Scott/);
    expect(levels[2]!.source).toContain('geometric mean');
  });

  it('builds the grid and places cache boundaries between bands', () => {
    const points = [4096, 8192, 16384].flatMap((bytes) => [1, 2].map((stride) => ({ bytes, stride, gbPerS: bytes / 1024 + stride })));
    const grid = mountainGrid([...points].reverse());
    expect(grid.sizes).toEqual([4096, 8192, 16384]);
    expect(grid.strides).toEqual([1, 2]);
    expect(grid.at(8192, 2)).toBe(10);
    expect(grid.at(8192, 3)).toBeUndefined();
    const layout = heatMapLayout(400, 200, 10, grid.sizes, grid.strides, [1, 20]);
    const step = layout.x.step();
    // An 8 KiB cache ends half a gap after the 8 KiB band, i.e. halfway between bands 2 and 3.
    expect(layout.boundaryX(8192)).toBeCloseTo(layout.x(8192)! + layout.x.bandwidth() + (step - layout.x.bandwidth()) / 2, 9);
    expect(layout.boundaryX(16384)).toBeNull();
    expect(layout.boundaryX(1 << 30)).toBeNull();
    expect(layout.y(1)!).toBeLessThan(layout.y(2)!);
  });
});
