import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, humanSeconds } from './scale';
import { formatNs } from '../core/format';

describe('human scale, the 2012 table anchored on L1 = 0.5 ns', () => {
  it('RAM 100 ns → 200 s → "3.3 minutes"', () => {
    expect(humanSeconds(100, 0.5)).toBe(200); // 100 / 0.5
    expect(formatDuration(200)).toBe('3.3 minutes'); // 200 / 60 = 3.33
  });
  it('SSD random read 150 µs → 300,000 s → "3.5 days"', () => {
    expect(humanSeconds(150e3, 0.5)).toBe(300_000);
    expect(formatDuration(300_000)).toBe('3.5 days'); // 300,000 / 86,400 = 3.47
  });
  it('CA → NL → CA 150 ms → 3 × 10^8 s → "9.5 years"', () => {
    expect(humanSeconds(150e6, 0.5)).toBe(3e8);
    expect(formatDuration(3e8)).toBe('9.5 years'); // 3e8 / (365.25 × 86,400 = 31,557,600) = 9.51
  });
  it('L1 itself is "1 second"; L2 7 ns is 14 s', () => {
    expect(formatDuration(humanSeconds(0.5, 0.5))).toBe('1 second');
    expect(formatDuration(humanSeconds(7, 0.5))).toBe('14 seconds');
  });
});

describe('formatDuration', () => {
  it('uses every unit with 2 significant digits', () => {
    expect(
      [0, 3e-10, 2.5e-6, 0.25, 1.5, 90, 5400, 36 * 3600, 86400 * 400, 1e12, 59.99].map(formatDuration),
    ).toEqual([
      '0 seconds',
      '0.3 ns',
      '2.5 µs',
      '250 ms',
      '1.5 seconds',
      '1.5 minutes',
      '1.5 hours',
      '1.5 days',
      '1.1 years', // 400 / 365.25 = 1.095
      '32000 years', // 1e12 / 31,557,600 = 31,688
      '1 minute', // 59.99 s rounds to 60 s
    ]);
  });

  it('round-trips within 2 significant digits for any duration from 1 ns to 10^12 s', () => {
    const unit: Record<string, number> = {
      ns: 1e-9, µs: 1e-6, ms: 1e-3, second: 1, seconds: 1, minute: 60, minutes: 60,
      hour: 3600, hours: 3600, day: 86400, days: 86400, year: 31_557_600, years: 31_557_600,
    };
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e12, noNaN: true }), (s) => {
        const [num, word] = formatDuration(s).split(' ') as [string, string];
        const back = Number(num) * (unit[word] as number);
        expect(Math.abs(back - s) / s).toBeLessThanOrEqual(0.05 + 1e-9); // 2 sig. digits: ≤ 5 % off
        expect(Number(num)).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('formatNs', () => {
  it('says latencies in ns, µs, ms or s', () => {
    expect([0.5, 7, 150e3, 1e6, 150e6, 1.5e9, 825e3, 1 / 3.4].map(formatNs)).toEqual([
      '0.5 ns',
      '7 ns',
      '150 µs',
      '1 ms',
      '150 ms',
      '1.5 s',
      '825 µs',
      '0.294 ns',
    ]);
  });
});
