import { describe, expect, it } from 'vitest';
import { anagramPair, BIGO_CELLS, expectedChecksum, isAnagramByCount, isAnagramBySort, prepareCell, RingDeque } from '../../src/main/workers/bigoKernels';

describe('Big O real-run cells', () => {
  it('every cell gives its checksum (Σ 0..n-1, the length, or "is an anagram")', () => {
    for (const cell of BIGO_CELLS) for (const n of [1, 2, 17, 1000]) expect(prepareCell(cell, n)(), `${cell} n=${n}`).toBe(expectedChecksum(cell, n));
    expect(expectedChecksum('push', 4)).toBe(6);
  });
  it('the ring deque keeps order across growth at both ends', () => {
    const d = new RingDeque();
    for (let k = 0; k < 40; k++) d.pushBack(k);
    for (let k = 1; k <= 40; k++) d.pushFront(-k);
    expect(d.length).toBe(80);
    expect(d.popFront()).toBe(-40);
    expect(d.popBack()).toBe(39);
    const out: number[] = [];
    while (d.length) out.push(d.popFront());
    expect(out).toEqual([...Array.from({ length: 39 }, (_, k) => k - 39), ...Array.from({ length: 39 }, (_, k) => k)]);
    expect(() => d.popBack()).toThrow('pop from an empty deque');
  });
  it('anagram checks agree, and both say no for a different letter', () => {
    const [a, b] = anagramPair(9);
    expect(a).toBe('ahovcjqxe');
    expect(b).toBe('exqjcvoha');
    expect(isAnagramBySort('listen', 'silent')).toBe(true);
    expect(isAnagramByCount('listen', 'silent')).toBe(true);
    expect(isAnagramBySort('listen', 'silenz')).toBe(false);
    expect(isAnagramByCount('listen', 'silenz')).toBe(false);
    expect(isAnagramByCount('ab', 'abc')).toBe(false);
    expect(isAnagramByCount('éa€', '€éa')).toBe(true);
    expect(isAnagramByCount('éa€', '€ea')).toBe(false);
  });
});

describe('fitting the real run', () => {
  it('fits the large points only: a fixed cost at small n does not bend the slope', async () => {
    const { fitSlope } = await import('../../src/main/workers/bigo');
    // ms = 1 + n²/10⁸ : quadratic once n is large; small n are all fixed cost.
    const pts = [1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 512000].map((n) => ({ n, ms: 1 + (n * n) / 1e8 }));
    expect(fitSlope(pts)).toBeGreaterThan(1.8);
    expect(fitSlope([{ n: 1000, ms: 1 }, { n: 2000, ms: 4 }])).toBeCloseTo(2, 9);
    expect(fitSlope([{ n: 1000, ms: 0.001 }, { n: 2000, ms: 0.002 }])).toBeNull();
  });
});
