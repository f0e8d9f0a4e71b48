import { describe, expect, it } from 'vitest';
import type { CacheSideView, CacheView } from '../../../sim/cache/scene';
import { headline } from './headline';

const side = (label: string, elapsedNs: number, done: boolean, total = 256): CacheSideView => ({
  pattern: label,
  label,
  done,
  accesses: done ? total : 0,
  total,
  elapsedNs,
  amatNs: 0,
  last: null,
  levels: [],
  memory: { reads: 0, writes: 0 },
});
const view = (a: CacheSideView, b: CacheSideView): CacheView => ({ sides: [a, b] });

describe('headline', () => {
  it('states the verdict with the ratio once both sides are done', () => {
    // 10 800 / 8 700 = 1.2413… → "1.24×"
    expect(headline(view(side('Row-major', 8700, true), side('Column-major', 10_800, true)))).toBe(
      'Row-major finished in 8.7 µs, Column-major in 10.8 µs: Column-major is 1.24× slower, same Big O.',
    );
    // The left side can be the slow one; 25 000 / 2 000 = 12.5 → one decimal past 10.
    expect(headline(view(side('Random', 25_000, true), side('Sequential', 2000, true)))).toBe(
      'Random finished in 25 µs, Sequential in 2 µs: Random is 12.5× slower, same Big O.',
    );
    expect(headline(view(side('A', 100, true, 10), side('B', 300, true, 20)))).toBe('A finished in 100 ns, B in 300 ns: B is 3.00× slower.');
    expect(headline(view(side('A', 100, true), side('B', 100.2, true)))).toBe('A finished in 100 ns, B in 100 ns: the same time.');
  });

  it('without latencies (an unmeasured machine) compares misses instead of a ratio of zeros', () => {
    const withMisses = (s: CacheSideView, misses: number): CacheSideView => ({
      ...s,
      levels: [{ name: 'L1', sets: 64, ways: 8, lineBytes: 64, latencyNs: 0, lines: null, counters: { accesses: 1024, hits: 1024 - misses, misses, reads: 1024, writes: 0, writebacks: 0 } }],
    });
    expect(headline(view(withMisses(side('Row-major', 0, true), 128), withMisses(side('Column-major', 0, true), 1024)))).toBe(
      'Row-major: 128 L1 misses, Column-major: 1024. Times need latencies: measure this machine (Latency Ladder → Real run).',
    );
  });

  it('announces the race before the end', () => {
    expect(headline(view(side('A', 5, false), side('B', 5, true)))).toBe('A vs B: the same 256 reads each. Press play and watch which one waits.');
  });
});
