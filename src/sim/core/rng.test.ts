import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from './rng';

/**
 * Textbook sfc32 + splitmix32 in BigInt arithmetic, written from the published
 * definitions, independently of rng.ts's int32 tricks.
 */
function referenceStream(seed: number, count: number): bigint[] {
  const M = (1n << 32n) - 1n;
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M;
  let s = BigInt(seed >>> 0);
  const seedWords: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    s = (s + 0x9e3779b9n) & M;
    let z = s;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M;
    z = z ^ (z >> 16n);
    seedWords.push(z);
  }
  let [a, b, c, d] = seedWords as [bigint, bigint, bigint, bigint];
  const out: bigint[] = [];
  for (let i = 0; i < 12 + count; i++) {
    const t = (a + b + d) & M;
    d = (d + 1n) & M;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M;
    c = (rotl(c, 21n) + t) & M;
    if (i >= 12) out.push(t);
  }
  return out;
}

describe('Rng', () => {
  it('pins the first outputs of seed 42 to the BigInt reference', () => {
    const rng = new Rng(42);
    const ours = Array.from({ length: 8 }, () => rng.nextU32());
    expect(ours.map(BigInt)).toEqual(referenceStream(42, 8));
    // Pinned literally too, so a change to both implementations still fails.
    expect(ours).toEqual([1028872839, 2516511472, 400437680, 853279530, 1920286840, 3588795744, 3644712829, 3990689672]);
  });

  it('matches the reference for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (seed) => {
        const rng = new Rng(seed);
        const ours = Array.from({ length: 5 }, () => BigInt(rng.nextU32()));
        expect(ours).toEqual(referenceStream(seed, 5));
      }),
      { numRuns: 50 },
    );
  });

  it('next() is nextU32 / 2^32 and int() floors next() × max', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(7);
    for (let i = 0; i < 100; i++) {
      const u = a.nextU32();
      expect(b.next()).toBe(u / 2 ** 32);
      expect(c.int(10)).toBe(Math.floor((u / 2 ** 32) * 10));
    }
  });

  it('is roughly uniform: chi-square over 10 buckets of 100,000 draws', () => {
    const rng = new Rng(2024);
    const n = 100_000;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const k = rng.int(10);
      buckets[k] = (buckets[k] ?? 0) + 1;
    }
    const expected = n / 10;
    const chi2 = buckets.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: p = 0.001 at 27.9. A broken generator (e.g. constant) gives 900,000.
    expect(chi2).toBeLessThan(27.9);
    const mean = Array.from({ length: 10_000 }, () => rng.next()).reduce((s, x) => s + x, 0) / 10_000;
    // σ of the mean = sqrt(1/12 / 10,000) ≈ 0.0029; allow 5σ.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.015);
  });

  it('getState / fromState continues the same sequence', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(50), (seed, skip) => {
        const rng = new Rng(seed);
        for (let i = 0; i < skip; i++) rng.nextU32();
        const copy = Rng.fromState(rng.getState());
        const a = Array.from({ length: 10 }, () => rng.nextU32());
        const b = Array.from({ length: 10 }, () => copy.nextU32());
        expect(b).toEqual(a);
      }),
    );
  });

  it('different seeds give different streams, and int() rejects bad bounds', () => {
    expect(new Rng(1).nextU32()).not.toBe(new Rng(2).nextU32());
    const rng = new Rng(0);
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(2.5)).toThrow(RangeError);
    expect(() => rng.int(2 ** 32 + 1)).toThrow(RangeError);
  });
});
