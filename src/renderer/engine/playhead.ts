/**
 * How wall time moves the playhead. Linear: a time dilation (ns of machine time per second
 * on screen). Logarithmic: a constant number of decades of machine time per second on
 * screen, so 0.5 ns and 150 ms can both be watched in one run. Pure functions.
 */
import type { TimeScale } from '../routing/url';

/** Linear speeds: machine nanoseconds per screen second, 1-2-5 steps from 1 ns/s to 1 s/s. */
export const LINEAR_SPEEDS: readonly number[] = (() => {
  const out: number[] = [];
  for (let exp = 0; exp <= 9; exp++) for (const m of [1, 2, 5]) if (exp < 9 || m === 1) out.push(m * 10 ** exp);
  return out;
})();

/** Logarithmic speeds: decades (factors of ten) of machine time per screen second. */
export const LOG_SPEEDS: readonly number[] = [0.125, 0.25, 0.5, 1, 2, 4];

export const DEFAULT_SPEED: Readonly<Record<TimeScale, number>> = { linear: 0, log: 3 };

export function speedCount(scale: TimeScale): number {
  return scale === 'log' ? LOG_SPEEDS.length : LINEAR_SPEEDS.length;
}

export function clampSpeed(scale: TimeScale, index: number): number {
  return Math.max(0, Math.min(speedCount(scale) - 1, Math.round(index)));
}

/** The axis range of a run: `tMin` is where a log axis starts (half the first positive event time). */
export interface Span {
  readonly tMin: number;
  readonly tEnd: number;
}

export function spanOf(times: ArrayLike<number>): Span {
  let firstPositive = Infinity;
  let end = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] ?? 0;
    if (t > 0 && t < firstPositive) firstPositive = t;
    if (t > end) end = t;
  }
  if (!Number.isFinite(firstPositive)) return { tMin: 1, tEnd: Math.max(end, 1) };
  return { tMin: firstPositive / 2, tEnd: end };
}

/** Advances the playhead by `dtSeconds` of wall time; never past the end. */
export function advance(t: number, dtSeconds: number, scale: TimeScale, speedIndex: number, span: Span): number {
  if (scale === 'linear') return Math.min(span.tEnd, t + dtSeconds * (LINEAR_SPEEDS[clampSpeed(scale, speedIndex)] ?? 1));
  const decades = dtSeconds * (LOG_SPEEDS[clampSpeed(scale, speedIndex)] ?? 1);
  const from = Math.max(t, span.tMin);
  return Math.min(span.tEnd, from * 10 ** decades);
}

/** Playhead → position 0..1 along the scrubber. */
export function toFraction(t: number, scale: TimeScale, span: Span): number {
  if (span.tEnd <= 0) return 0;
  if (scale === 'linear') return Math.max(0, Math.min(1, t / span.tEnd));
  if (t <= span.tMin) return 0;
  const lo = Math.log10(span.tMin);
  const hi = Math.log10(span.tEnd);
  return hi > lo ? Math.max(0, Math.min(1, (Math.log10(t) - lo) / (hi - lo))) : 1;
}

/** Position 0..1 along the scrubber → playhead. */
export function fromFraction(fraction: number, scale: TimeScale, span: Span): number {
  const f = Math.max(0, Math.min(1, fraction));
  if (scale === 'linear') return f * span.tEnd;
  if (f === 0) return 0;
  return 10 ** (Math.log10(span.tMin) + f * (Math.log10(span.tEnd) - Math.log10(span.tMin)));
}

/** Greatest step whose time is ≤ t (times ascending). */
export function stepAtTime(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((times[mid] ?? Infinity) <= t) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

function formatAmount(ns: number): string {
  const units: [number, string][] = [
    [1e9, 's'],
    [1e6, 'ms'],
    [1e3, 'µs'],
    [1, 'ns'],
  ];
  for (const [size, unit] of units) if (ns >= size) return `${Number((ns / size).toPrecision(3))} ${unit}`;
  return `${Number(ns.toPrecision(3))} ns`;
}

/** The speed in words, e.g. "1 ns of machine time = 1 s on screen". */
export function speedLabel(scale: TimeScale, speedIndex: number): string {
  if (scale === 'linear') return `${formatAmount(LINEAR_SPEEDS[clampSpeed(scale, speedIndex)] ?? 1)} of machine time = 1 s on screen`;
  const decades = LOG_SPEEDS[clampSpeed(scale, speedIndex)] ?? 1;
  const seconds = 1 / decades;
  return `Logarithmic: each ×10 of machine time = ${Number(seconds.toPrecision(3))} s on screen`;
}
