/**
 * Numbers for people, in one place: durations (ns … s), byte sizes (binary units) and rates
 * (SI prefixes). The renderer, the CLI and the measurement workers import these instead of
 * keeping their own copies. Significant digits come from `Intl.NumberFormat` (en-US, no
 * grouping), so "1.17 KiB" and "150 µs" read the same everywhere.
 */
import { NS_PER_MS, NS_PER_S, NS_PER_US } from './units';

const SIGNIFICANT = new Map<number, Intl.NumberFormat>();

/** `value` rounded to `digits` significant digits, as plain decimal text ("0.52", "150", "1.5e-7" never). */
export function significantText(value: number, digits: number): string {
  let f = SIGNIFICANT.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits, useGrouping: false });
    SIGNIFICANT.set(digits, f);
  }
  return f.format(value);
}

/** `value` rounded to `digits` significant digits, as a number. */
export function significant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/**
 * A latency in ns, µs, ms or s with up to 3 significant digits: "0.5 ns", "7 ns", "150 µs",
 * "1 ms", "150 ms", "1.5 s".
 * @param ns - latency, ns (≥ 0)
 */
export function formatNs(ns: number): string {
  const units: readonly (readonly [number, string])[] = [
    [NS_PER_S, 's'],
    [NS_PER_MS, 'ms'],
    [NS_PER_US, 'µs'],
  ];
  for (const [size, unit] of units) {
    const value = significant(ns / size, 3);
    if (value >= 1) return `${value} ${unit}`;
  }
  return `${significant(ns, 3)} ns`;
}

/** 2 decimals below 10, 1 below 100, none above: figures that line up in a table or on bars. */
function aligned(v: number, unit: string): string {
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${unit}`;
}

/**
 * A time for tables and bar labels, digits by magnitude: "0.52 ns", "27.0 µs", "2.60 ms", "1.20 s".
 * @param ns - time, ns (≥ 0)
 */
export function formatNsAligned(ns: number): string {
  if (ns >= 1e9) return aligned(ns / 1e9, 's');
  if (ns >= 1e6) return aligned(ns / 1e6, 'ms');
  if (ns >= 1e3) return aligned(ns / 1e3, 'µs');
  return aligned(ns, 'ns');
}

/**
 * {@link formatNsAligned} for a time given in ms; 0 is "0 ms".
 * @param ms - time, ms (≥ 0)
 */
export function formatMsAligned(ms: number): string {
  if (ms === 0) return '0 ms';
  if (ms >= 1000) return aligned(ms / 1000, 's');
  if (ms >= 1) return aligned(ms, 'ms');
  if (ms >= 1e-3) return aligned(ms * 1e3, 'µs');
  return aligned(ms * 1e6, 'ns');
}

/**
 * A size in B, KiB, MiB or GiB (powers of 1024) with up to 3 significant digits: "120 B",
 * "1.17 KiB", "256 MiB".
 * @param bytes - size, bytes (≥ 0)
 */
export function formatBytes(bytes: number): string {
  const units: readonly (readonly [number, string])[] = [
    [2 ** 30, 'GiB'],
    [2 ** 20, 'MiB'],
    [2 ** 10, 'KiB'],
  ];
  for (const [size, unit] of units) if (bytes >= size) return `${significantText(bytes / size, 3)} ${unit}`;
  return `${bytes} B`;
}

/**
 * A rate or count with an SI prefix and up to 3 significant digits: "1.2 G", "350 M", "12 T"
 * (append the unit: `${formatSi(flops)}flop/s`).
 */
export function formatSi(v: number): string {
  const units: readonly (readonly [number, string])[] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [f, u] of units) if (v >= f) return `${significantText(v / f, 3)} ${u}`;
  return `${significantText(v, 3)} `;
}
