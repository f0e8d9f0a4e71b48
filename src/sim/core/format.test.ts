import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatBytes, formatMsAligned, formatNs, formatNsAligned, formatSi, significantText } from './format';

describe('formatting', () => {
  it('durations: 3 significant digits in the largest unit that is ≥ 1', () => {
    expect([0.5, 7, 150_000, 1e6, 150e6, 1.5e9, 999.9].map(formatNs)).toEqual(['0.5 ns', '7 ns', '150 µs', '1 ms', '150 ms', '1.5 s', '1 µs']);
  });

  it('aligned times: 2, 1 or 0 decimals by magnitude', () => {
    expect([0.52, 27_000, 2.6e6, 1.2e9, 150].map(formatNsAligned)).toEqual(['0.52 ns', '27.0 µs', '2.60 ms', '1.20 s', '150 ns']);
    expect([0, 6.3e-6, 0.027, 2.6, 1200].map(formatMsAligned)).toEqual(['0 ms', '6.30 ns', '27.0 µs', '2.60 ms', '1.20 s']);
  });

  it('bytes in binary units, worked by hand: 1200 B = 1.171875 KiB → "1.17 KiB"', () => {
    expect([120, 1200, 4096, 3 * 2 ** 19, 256 * 2 ** 20, 1.1 * 2 ** 30].map(formatBytes)).toEqual(['120 B', '1.17 KiB', '4 KiB', '1.5 MiB', '256 MiB', '1.1 GiB']);
    expect(formatSi(1.234e9)).toBe('1.23 G');
    expect(formatSi(12)).toBe('12 ');
  });

  it('significant digits agree with toPrecision on any positive value', () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1e15, noNaN: true }), (v) => {
        expect(Number(significantText(v, 3))).toBe(Number(v.toPrecision(3)));
      }),
    );
  });
});
