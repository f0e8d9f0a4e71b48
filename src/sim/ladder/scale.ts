/**
 * Human scale: stretch time so one short latency (the anchor) lasts one second, and say the
 * other latencies in everyday words ("3.3 minutes", "9.5 years").
 */
import { significant } from '../core/format';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A Julian year, 365.25 days, in seconds. */
const YEAR = 365.25 * DAY;

/**
 * Seconds that `ns` lasts when `anchorNs` is stretched to one second.
 * @param ns - latency, ns
 * @param anchorNs - the latency that becomes 1 s, ns (> 0)
 */
export function humanSeconds(ns: number, anchorNs: number): number {
  return ns / anchorNs;
}

/** Units from largest to smallest: size in seconds, singular, plural. */
const DURATION_UNITS: readonly (readonly [number, string, string])[] = [
  [YEAR, 'year', 'years'],
  [DAY, 'day', 'days'],
  [HOUR, 'hour', 'hours'],
  [MINUTE, 'minute', 'minutes'],
  [1, 'second', 'seconds'],
  [1 / 1e3, 'ms', 'ms'],
  [1 / 1e6, 'µs', 'µs'],
  [1 / 1e9, 'ns', 'ns'],
];

/**
 * A duration in words with 2 significant digits: "1 second", "3.3 minutes", "3.5 days",
 * "9.5 years", "250 ms". Years are 365.25 days. A value that rounds up to the next unit is
 * said in that unit ("60 seconds" becomes "1 minute").
 * @param seconds - duration, s (≥ 0)
 */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0 seconds';
  for (const [size, one, many] of DURATION_UNITS) {
    const value = significant(seconds / size, 2);
    if (value >= 1 || size === DURATION_UNITS[DURATION_UNITS.length - 1]?.[0]) {
      return `${value} ${value === 1 ? one : many}`;
    }
  }
  return `${seconds} seconds`;
}

