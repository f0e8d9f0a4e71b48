import { describe, expect, it } from 'vitest';
import { analyzeChase, type ChaseCacheInfo, type ChasePoint } from './chaseAnalysis';
import { loadFixture } from './fixtures/loadFixture';

const K = 1024;
const M = K * K;

/** Recorded with Node on this repo's dev VM (AMD EPYC, 2 vCPU, KVM; sysfs: 32K L1d, 512K L2, 32M L3). */
const epyc: { caches: ChaseCacheInfo[]; points: ChasePoint[] } = await loadFixture('epyc-2vcpu-chase.json');
/** The two curves of docs/latency.md (48 KiB L1d, 1 MiB L2, 32 MiB L3). */
const doc: { caches: ChaseCacheInfo[]; native: ChasePoint[]; js: ChasePoint[] } = await loadFixture('latency-md-chase.json');

const increasing = (ns: number[]): boolean => ns.every((v, i) => i === 0 || v > (ns[i - 1] as number));

describe('analyzeChase with the OS cache sizes', () => {
  it('reads the recorded EPYC curve', () => {
    // L1: (0, 16K] → 4K 2.27, 8K 2.24, 16K 2.06 → median 2.24
    // L2: (32K, 256K] → 4.38, 4.44, 4.62 → 4.44
    // L3: (512K, 16M] → 14.34, 16.59, 17.49, 52.58, 134.07 → 17.49
    // RAM: ≥ 4 × 32M = 128M → 172.39, 167.61 → lower median 167.61
    const { levels } = analyzeChase(epyc.points, epyc.caches);
    expect(levels).toEqual([
      { name: 'L1', ns: 2.24, fromBytes: 4 * K, toBytes: 16 * K },
      { name: 'L2', ns: 4.44, fromBytes: 64 * K, toBytes: 256 * K },
      { name: 'L3', ns: 17.49, fromBytes: 1 * M, toBytes: 16 * M },
      { name: 'RAM', ns: 167.61, fromBytes: 128 * M, toBytes: 256 * M },
    ]);
    expect(increasing(levels.map((l) => l.ns))).toBe(true);
  });

  it("reads latency.md's native C column: 1.2, 3.6, 12.5, 200 ns", () => {
    // L3 window (1M, 16M] holds 4M 12.5 and 16M 122: the lower median keeps the cache figure.
    const { levels } = analyzeChase(doc.native, doc.caches);
    expect(levels.map((l) => [l.name, l.ns])).toEqual([
      ['L1', 1.2],
      ['L2', 3.6],
      ['L3', 12.5],
      ['RAM', 200],
    ]);
  });

  it("reads latency.md's JS column within the table's ranges", () => {
    const { levels } = analyzeChase(doc.js, doc.caches);
    expect(levels.map((l) => [l.name, l.ns])).toEqual([
      ['L1', 1.5],
      ['L2', 2.1], // the table says 2.1–3.5 ns for 64–256 KiB
      ['L3', 15],
      ['RAM', 171],
    ]);
  });

  it('falls back to the nearest point when a window is empty, and omits RAM without big sets', () => {
    const points = [
      { bytes: 4 * K, ns: 1 },
      { bytes: 64 * K, ns: 3 },
      { bytes: 1 * M, ns: 9 },
    ];
    // L1 4K: (0, 2K] is empty → the point in (0, 4K] nearest 2K is 4K. L2 128K: (4K, 64K] → 64K.
    // RAM needs ≥ 512K: 1M.
    expect(analyzeChase(points, [{ level: 1, type: 'Data', bytes: 4 * K }, { level: 2, type: 'Unified', bytes: 128 * K }]).levels).toEqual([
      { name: 'L1', ns: 1, fromBytes: 4 * K, toBytes: 4 * K },
      { name: 'L2', ns: 3, fromBytes: 64 * K, toBytes: 64 * K },
      { name: 'RAM', ns: 9, fromBytes: 1 * M, toBytes: 1 * M },
    ]);
    expect(analyzeChase(points.slice(0, 2), [{ level: 1, type: 'Data', bytes: 32 * K }]).levels.map((l) => l.name)).toEqual(['L1']);
    expect(analyzeChase([], epyc.caches)).toEqual({ levels: [] });
  });
});

describe('analyzeChase without cache sizes', () => {
  it('finds the plateaus of the recorded EPYC curve, dropping single-point knees', () => {
    // Jumps > 35 %: 16K→32K, 256K→512K, 512K→1M, 4M→8M, 8M→16M. 512K and 8M stand alone: knees.
    const { levels } = analyzeChase(epyc.points);
    expect(levels).toEqual([
      { name: 'L1', ns: 2.24, fromBytes: 4 * K, toBytes: 16 * K },
      { name: 'L2', ns: 4.38, fromBytes: 32 * K, toBytes: 256 * K }, // lower median of 3.64, 4.38, 4.44, 4.62
      { name: 'L3', ns: 16.59, fromBytes: 1 * M, toBytes: 4 * M },
      { name: 'RAM', ns: 159.98, fromBytes: 16 * M, toBytes: 256 * M },
    ]);
  });

  it('merges the closest plateaus when there are more than five', () => {
    // Six clean plateaus, each ×2 the last except one ×1.375 step (4 → 5.5), which merges;
    // the merged plateau [4, 4, 5.5, 5.5] reads its lower median, 4.
    const ns = [1, 2, 4, 5.5, 11, 22];
    const points = ns.flatMap((v, i) => [{ bytes: 2 ** (10 + 2 * i), ns: v }, { bytes: 2 ** (11 + 2 * i), ns: v }]);
    expect(analyzeChase(points).levels.map((l) => [l.name, l.ns])).toEqual([
      ['L1', 1],
      ['L2', 2],
      ['L3', 4],
      ['L4', 11],
      ['RAM', 22],
    ]);
  });

  it('a flat curve is one L1 plateau', () => {
    expect(analyzeChase([{ bytes: 1, ns: 1 }, { bytes: 2, ns: 1.1 }]).levels).toEqual([{ name: 'L1', ns: 1, fromBytes: 1, toBytes: 2 }]);
  });
});
