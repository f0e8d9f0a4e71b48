import { describe, expect, it } from 'vitest';
import { FIT_FROM_N, anagramCost, containerSizes, costCurve, factorial, logLogSlope, mergeSortComparisons, stringCost, STR_HEADER_BYTES } from './costs';

const fixture = 'cpython311.json';
const table = ((await import(/* @vite-ignore */ `./fixtures/${fixture}`)) as { default: { sizes: { n: number; tuple: number; list_exact: number; list_appended: number; str: number }[] } }).default;

describe('sizes against CPython 3.11 (fixtures/record.py)', () => {
  it('tuple 40 + 8n, [0] * n 56 + 8n, n appends 56 + 8 · capacity, str 49 + n, for n = 0..64', () => {
    expect(table.sizes).toHaveLength(65);
    for (const row of table.sizes) {
      const s = containerSizes(row.n);
      expect([s.tuple, s.listExact, s.listAppended], `n = ${row.n}`).toEqual([row.tuple, row.list_exact, row.list_appended]);
      expect(stringCost(row.n).bytes).toBe(row.str);
    }
    expect(STR_HEADER_BYTES).toBe(49);
  });
});

describe('cost curves', () => {
  it('n appends: 1 write each + realloc copies 4+8+16+24 = 52 for n = 32 (the copy into 40 happens at 33)', () => {
    const curve = costCurve('list', 'append', 32);
    expect(curve.map((p) => p.n)).toEqual([1, 2, 4, 8, 16, 32]);
    // copies at sizes 4→8 (4), 8→16 (8), 16→24 (16), 24→32 (24)
    expect(curve.at(-1)!.cost).toBe(32 + 4 + 8 + 16 + 24);
  });
  it('n front inserts shift 0+1+…+(n-1) = n(n-1)/2 slots', () => {
    const curve = costCurve('list', 'insert0', 64);
    const copies = 4 + 8 + 16 + 24 + 32 + 40 + 52; // reallocations up to 64 slots
    expect(curve.at(-1)!.cost).toBe(64 + (64 * 63) / 2 + copies);
  });
  it('fitted log-log slopes (n ≥ 64): ≈1 for append (the copies add a constant factor, ~8.5 per element in the limit), 1 for deque, ≈2 for insert0 and pop0', () => {
    const append = logLogSlope(costCurve('list', 'append', 4096), FIT_FROM_N);
    expect(append).toBeGreaterThan(0.95);
    expect(append).toBeLessThan(1.25);
    expect(logLogSlope(costCurve('deque', 'appendleft', 4096), FIT_FROM_N)).toBe(1);
    expect(logLogSlope(costCurve('deque', 'popleft', 4096), FIT_FROM_N)).toBe(1);
    expect(logLogSlope(costCurve('list', 'insert0', 4096), FIT_FROM_N)).toBeCloseTo(2, 1);
    expect(logLogSlope(costCurve('list', 'pop0', 4096), FIT_FROM_N)).toBeCloseTo(2, 1);
    expect(logLogSlope([{ n: 1, cost: 3 }, { n: 10, cost: 300 }])).toBeCloseTo(2, 12);
    expect(() => costCurve('list', 'append', 0)).toThrow(RangeError);
  });
  it('n pops empty a structure of n: pop0 on 4 shifts 3+2+1+0 = 6, plus 4 clears, and no copies (at size 1 list_resize picks 4 slots again; 4 → 0 copies nothing)', () => {
    expect(costCurve('list', 'pop0', 4).at(-1)).toEqual({ n: 4, cost: 4 + 6 + 0 });
  });
});

describe('strings, anagrams', () => {
  it('s = s + t copies 1+2+…+n; join copies n once', () => {
    expect(stringCost(4)).toMatchObject({ concat: { copies: 10, allocs: 4 }, join: { copies: 4, allocs: 1 }, inPlace: { copies: 4 } });
    expect(stringCost(3, 5).concat.copies).toBe(5 + 10 + 15);
  });
  it('merge sort comparisons worked by hand; counting is 2n + 26; permutations n! · n', () => {
    expect(mergeSortComparisons([2, 1])).toBe(1);
    expect(mergeSortComparisons([1, 2, 3, 4])).toBe(4); // [1,2]:1 [3,4]:1 merge: 2
    expect(mergeSortComparisons([4, 3, 2, 1])).toBe(4);
    expect(mergeSortComparisons([1, 3, 2, 4])).toBe(5);
    expect(factorial(5)).toBe(120);
    const a = anagramCost(4);
    expect(a.count).toBe(34);
    expect(a.permutations).toBe(96);
    expect(a.sort).toBe(mergeSortComparisons([0, 7, 14, 21]) + mergeSortComparisons([21, 14, 7, 0]) + 4);
  });
});
