import { describe, expect, it } from 'vitest';
import { advance, clampSpeed, fitPace, fitSeconds, fromFraction, runSeconds, spanOf, speedLabel, stepAtTime, toFraction } from './playhead';

describe('playhead', () => {
  const span = { tMin: 0.25, tEnd: 250 }; // three decades: 0.25 → 250 ns

  it('advances linearly at the pace, crossing a long quiet gap within its cap', () => {
    const times = [0, 10, 20, 250];
    const pace = { base: 10, seconds: 0 }; // 10 ns of machine time per second
    // First gap 0 → 10 ns may take at most 0.5 s: 20 ns/s, so 0.25 s reaches 5 ns.
    expect(advance(0, 0.25, 'linear', 0, { tMin: 5, tEnd: 250 }, times, pace)).toBe(5);
    // 0.5 s to reach 10, then 0.5 s at 10 ns/s: 15.
    expect(advance(0, 1, 'linear', 0, { tMin: 5, tEnd: 250 }, times, pace)).toBe(15);
    expect(advance(10, 0.5, 'linear', 0, { tMin: 5, tEnd: 250 }, times, pace)).toBe(15);
    // 20 → 250 is 230 ns: at 10 ns/s 23 s, capped at 2.5 s, so 92 ns/s; 1 s reaches 112.
    expect(advance(20, 1, 'linear', 0, { tMin: 5, tEnd: 250 }, times, pace)).toBeCloseTo(112, 9);
    expect(advance(249, 10, 'linear', 0, { tMin: 5, tEnd: 250 }, times, pace)).toBe(250);
    // One step faster doubles the rate and halves the caps: first gap at 40 ns/s.
    expect(advance(0, 0.125, 'linear', 1, { tMin: 5, tEnd: 250 }, times, pace)).toBe(5);
  });

  it('advances logarithmically by decades per second, starting at tMin', () => {
    const times = [0, 2.5, 25, 250];
    const pace = { base: 1, seconds: 0 }; // one decade per second
    // 0 → 2.5 is one decade above tMin = 0.25, capped at 0.5 s: two decades per second.
    expect(advance(0, 0.25, 'log', 0, span, times, pace)).toBeCloseTo(0.25 * Math.sqrt(10), 12);
    expect(advance(2.5, 0.5, 'log', 0, span, times, pace)).toBeCloseTo(2.5 * Math.sqrt(10), 12);
    expect(advance(100, 1, 'log', 0, span, times, pace)).toBe(250);
  });

  it('fits the whole run into 15–30 s from its length and event count', () => {
    expect(fitSeconds(1)).toBe(15);
    expect(fitSeconds(15)).toBeCloseTo(12 + 6 * Math.log10(16), 12); // 19.2 s
    expect(fitSeconds(10_000)).toBe(30);
    // 100 evenly spaced events 1 ns apart: no cap binds, so base = 100 ns / 24.03 s.
    const even = Array.from({ length: 101 }, (_, i) => i);
    const pace = fitPace(even, 'linear', spanOf(even));
    expect(pace.base).toBeCloseTo(100 / fitSeconds(100), 6);
    expect(pace.seconds).toBeCloseTo(fitSeconds(100), 6);
    // Ten events in 10 ns, then one at 1 ms: the 1 ms gap is capped at 2.5 s and the first
    // ten events share the rest, instead of flashing past in 0.2 ms of a 1 ms run.
    const idle = [...Array.from({ length: 11 }, (_, i) => i), 1e6];
    const fitted = fitPace(idle, 'linear', spanOf(idle));
    expect(fitted.seconds).toBeCloseTo(fitSeconds(11), 6);
    expect(runSeconds(idle, 'linear', spanOf(idle), fitted.base)).toBeCloseTo(fitSeconds(11), 6);
    // First gap ≤ 0.5 s, then nine gaps of 1 ns, then 2.5 s: 1 ns takes (fit − 3) / 9.5 s or so.
    expect(1 / fitted.base).toBeGreaterThan(1);
  });

  it('a run bunched at a few instants still takes the fitted time: its quiet gaps share it', () => {
    // Five events at three instants 500 ns apart: 16.67 s to fill, the first gap 0.5 s, the two
    // later gaps (16.67 − 0.5) / 2 = 8.08 s each; the rate is 500 ns / 8.08 s = 61.8 ns/s.
    const times = [0, 500, 500, 1000, 1000, 1500];
    const pace = fitPace(times, 'linear', spanOf(times));
    const gap = (fitSeconds(5) - 0.5) / 2;
    expect(pace.gapS).toBeCloseTo(gap, 9);
    expect(pace.seconds).toBeCloseTo(fitSeconds(5), 9);
    expect(pace.base).toBeCloseTo(500 / gap, 6);
    expect(speedLabel('linear', 0, pace)).toBe('61.8 ns of machine time = 1 s on screen · whole run 17 s');
    // Played: 0.5 s reaches the first instant, 8.08 s more the second.
    expect(advance(0, 0.5, 'linear', 0, spanOf(times), times, pace)).toBeCloseTo(500, 6);
    expect(advance(500, gap, 'linear', 0, spanOf(times), times, pace)).toBeCloseTo(1000, 6);
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
    expect(speedLabel('linear', 0, { base: 5000, seconds: 21.3 })).toBe('5 µs of machine time = 1 s on screen · whole run 21 s');
    expect(speedLabel('linear', 1, { base: 5000, seconds: 21.3 })).toBe('10 µs of machine time = 1 s on screen · whole run 11 s');
    expect(speedLabel('log', 0, { base: 0.5, seconds: 18 })).toBe('Logarithmic: each ×10 of machine time = 2 s on screen · whole run 18 s');
    // A distributed job's events bunch: a decade at this pace (100,000 s) would outlast the whole run.
    expect(speedLabel('log', 0, { base: 1e-5, seconds: 29 })).toBe('Logarithmic time, paced by its events · whole run 29 s');
    expect(clampSpeed(-40)).toBe(-5);
  });
});
