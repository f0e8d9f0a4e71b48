import { describe, expect, it } from 'vitest';
import { amdahl, gustafson, speedupCurves } from './scaling';

describe('Amdahl and Gustafson', () => {
  it('matches hand-worked cases', () => {
    // s = 0.1, n = 4: 1 / (0.1 + 0.9/4) = 1 / 0.325 = 3.0769…
    expect(amdahl(0.1, 4)).toBeCloseTo(1 / 0.325, 12);
    // s = 0.5, n = 2: 1 / (0.5 + 0.25) = 4/3
    expect(amdahl(0.5, 2)).toBeCloseTo(4 / 3, 12);
    // no serial part: n; all serial: 1; one core: 1
    expect(amdahl(0, 16)).toBe(16);
    expect(amdahl(1, 16)).toBe(1);
    expect(amdahl(0.3, 1)).toBe(1);
    // the ceiling 1/s: s = 0.05 → 20, approached but never reached
    expect(amdahl(0.05, 1e9)).toBeCloseTo(20, 5);
    expect(amdahl(0.05, 1e9)).toBeLessThan(20);
    // Gustafson s = 0.1, n = 4: 4 − 0.1·3 = 3.7; s = 0.5, n = 2: 2 − 0.5 = 1.5
    expect(gustafson(0.1, 4)).toBeCloseTo(3.7, 12);
    expect(gustafson(0.5, 2)).toBe(1.5);
    expect(gustafson(0, 64)).toBe(64);
    expect(gustafson(1, 64)).toBe(1);
  });

  it('rejects fractions outside 0..1 and n below 1', () => {
    expect(() => amdahl(-0.1, 2)).toThrow(RangeError);
    expect(() => amdahl(0.1, 0.5)).toThrow(RangeError);
    expect(() => gustafson(1.5, 2)).toThrow(RangeError);
    expect(() => gustafson(0.1, Infinity)).toThrow(RangeError);
  });

  it('gives 64 points per curve, Gustafson never below Amdahl', () => {
    const points = speedupCurves(0.2);
    expect(points.map((p) => p.n)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    expect(points[0]).toEqual({ n: 1, amdahl: 1, gustafson: 1 });
    for (const p of points) expect(p.gustafson).toBeGreaterThanOrEqual(p.amdahl - 1e-12);
    // s = 0.2, n = 64: 1 / (0.2 + 0.8/64) = 1 / 0.2125
    expect(points[63]!.amdahl).toBeCloseTo(1 / 0.2125, 12);
  });
});
