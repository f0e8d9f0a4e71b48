import { describe, expect, it } from 'vitest';
import { SeriesBuilder, thin } from './series';

describe('series', () => {
  it('accumulates hit rate and mean time per access by hand', () => {
    const b = new SeriesBuilder();
    // side 0: L1 hit (1 ns) at t=0, memory (117 ns) at t=1, L1 hit (1 ns) at t=118
    b.add({ t: 0, kind: 'access', side: 0, level: 'L1', ns: 1 });
    b.add({ t: 0, kind: 'access', side: 1, level: 'L2', ns: 5 });
    b.add({ t: 1, kind: 'access', side: 0, level: 'memory', ns: 117 });
    b.add({ t: 5, kind: 'other' });
    b.add({ t: 118, kind: 'access', side: 0, level: 'L1', ns: 1 });
    const [left, right] = b.series();
    expect(left).toEqual([
      { t: 1, accesses: 1, l1HitRate: 1, amatNs: 1 },
      { t: 118, accesses: 2, l1HitRate: 0.5, amatNs: 59 }, // (1 + 117) / 2
      { t: 119, accesses: 3, l1HitRate: 2 / 3, amatNs: 119 / 3 },
    ]);
    expect(right).toEqual([{ t: 5, accesses: 1, l1HitRate: 0, amatNs: 5 }]);
  });

  it('thins evenly and keeps both ends', () => {
    const points = Array.from({ length: 101 }, (_, i) => i);
    expect(thin(points, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(thin(points, 200)).toHaveLength(101);
  });
});
