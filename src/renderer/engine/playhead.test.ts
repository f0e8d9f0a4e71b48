import { describe, expect, it } from 'vitest';
import { advance, clampSpeed, fromFraction, LINEAR_SPEEDS, spanOf, speedLabel, stepAtTime, toFraction } from './playhead';

describe('playhead', () => {
  const span = { tMin: 0.25, tEnd: 250 }; // three decades: 0.25 → 250 ns

  it('linear speeds run 1-2-5 from 1 ns/s to 1 s/s', () => {
    expect(LINEAR_SPEEDS.slice(0, 4)).toEqual([1, 2, 5, 10]);
    expect(LINEAR_SPEEDS.at(-1)).toBe(1e9);
    expect(LINEAR_SPEEDS).toHaveLength(28);
  });

  it('advances linearly by dilation and stops at the end', () => {
    expect(advance(10, 0.5, 'linear', 3, span)).toBe(15); // 10 ns/s × 0.5 s
    expect(advance(249, 1, 'linear', 3, span)).toBe(250);
  });

  it('advances logarithmically by decades per second, starting at tMin', () => {
    // index 3 = 1 decade per second: 0 → tMin → ×10 after 1 s
    expect(advance(0, 1, 'log', 3, span)).toBeCloseTo(2.5, 12);
    expect(advance(2.5, 0.5, 'log', 3, span)).toBeCloseTo(2.5 * Math.sqrt(10), 12);
    expect(advance(100, 1, 'log', 3, span)).toBe(250);
  });

  it('maps the scrubber both ways on either axis', () => {
    expect(toFraction(25, 'log', span)).toBeCloseTo(2 / 3, 12); // 0.25 → 25 is two of three decades
    expect(fromFraction(2 / 3, 'log', span)).toBeCloseTo(25, 9);
    expect(toFraction(0, 'log', span)).toBe(0);
    expect(fromFraction(0, 'log', span)).toBe(0);
    expect(toFraction(125, 'linear', span)).toBe(0.5);
    expect(fromFraction(0.5, 'linear', span)).toBe(125);
  });

  it('finds the step under the playhead', () => {
    const times = [0, 0, 0.5, 7.5, 107.5];
    expect(stepAtTime(times, 0)).toBe(1);
    expect(stepAtTime(times, 0.49)).toBe(1);
    expect(stepAtTime(times, 0.5)).toBe(2);
    expect(stepAtTime(times, 1000)).toBe(4);
    expect(spanOf(times)).toEqual({ tMin: 0.25, tEnd: 107.5 });
  });

  it('says the speed in words', () => {
    expect(speedLabel('linear', 0)).toBe('1 ns of machine time = 1 s on screen');
    expect(speedLabel('linear', 14)).toBe('50 µs of machine time = 1 s on screen');
    expect(speedLabel('linear', 99)).toBe('1 s of machine time = 1 s on screen');
    expect(speedLabel('log', 3)).toBe('Logarithmic: each ×10 of machine time = 1 s on screen');
    expect(clampSpeed('log', -4)).toBe(0);
  });
});
