/**
 * How wall time moves the playhead. Linear: a time dilation (ns of machine time per second
 * on screen). Logarithmic: a constant number of decades of machine time per second on
 * screen, so 0.5 ns and 150 ms can both be watched in one run. The rate is fitted to each
 * run (its span and event count) so the whole story plays in 15–30 s; the user's +/− double
 * or halve it. Pure functions.
 */
import type { TimeScale } from '../routing/url';

/** The user's speed steps either side of the fitted pace: each step doubles or halves it. */
export const SPEED_STEPS = 5;

export function clampSpeed(step: number): number {
  return Math.max(-SPEED_STEPS, Math.min(SPEED_STEPS, Math.round(step)));
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

/**
 * How a run plays: `base` is machine time per screen second (ns/s on a linear axis, decades/s
 * on a log one); a gap between two events never takes longer than its cap on screen (the
 * first gap, from t = 0, at most FIRST_GAP_S, so something moves within a second of Play).
 */
export interface Pace {
  readonly base: number;
  /** Whole-run wall seconds at this pace. */
  readonly seconds: number;
  /** The longest a quiet gap after the first takes on screen, s (GAP_S, or more in runs of few gaps). */
  readonly gapS?: number;
}

/** The longest the first gap (t = 0 to the first event) takes on screen, in seconds. */
export const FIRST_GAP_S = 0.5;
/** The longest any later quiet gap takes on screen, in seconds. */
export const GAP_S = 2.5;

/** Wall seconds a whole run should take: 15 s for a handful of events, up to 30 s for thousands. */
export function fitSeconds(events: number): number {
  return Math.max(15, Math.min(30, 12 + 6 * Math.log10(Math.max(1, events) + 1)));
}

function distance(a: number, b: number, scale: TimeScale, span: Span): number {
  if (scale === 'linear') return Math.max(0, b - a);
  return Math.max(0, Math.log10(Math.max(b, span.tMin)) - Math.log10(Math.max(a, span.tMin)));
}

function gapCap(step: number, factor: number, gapS = GAP_S): number {
  return (step === 0 ? FIRST_GAP_S : gapS) / factor;
}

/** Wall seconds of the whole run at machine-time rate `base` with gaps capped (`factor` speeds both up). */
export function runSeconds(times: ArrayLike<number>, scale: TimeScale, span: Span, base: number, factor = 1, gapS = GAP_S): number {
  let total = 0;
  for (let i = 0; i + 1 < times.length; i++) {
    const d = distance(times[i] ?? 0, times[i + 1] ?? 0, scale, span);
    if (d > 0) total += Math.min(d / (base * factor), gapCap(i, factor, gapS));
  }
  return total;
}

/**
 * The pace that shows the whole run in `fitSeconds(events)` of wall time, derived from the
 * run's length (its time span) and its event count: the machine-time rate is found by
 * bisection, since capped gaps make the run's wall time a monotone but not linear function of it.
 */
export function fitPace(times: ArrayLike<number>, scale: TimeScale, span: Span): Pace {
  const events = Math.max(0, times.length - 1);
  const target = fitSeconds(events);
  const whole = distance(0, span.tEnd, scale, span);
  if (!(whole > 0)) return { base: 1, seconds: 0 };
  // A run of few distinct instants (events bunched at a handful of times) gets longer gaps, so
  // its story still takes the target time instead of ending in a few seconds.
  let quiet = 0;
  for (let i = 1; i + 1 < times.length; i++) if (distance(times[i] ?? 0, times[i + 1] ?? 0, scale, span) > 0) quiet++;
  const later = quiet;
  const gapS = later > 0 ? Math.max(GAP_S, (target - FIRST_GAP_S) / later) : GAP_S;
  const total = (base: number) => runSeconds(times, scale, span, base, 1, gapS);
  // At or below `slowest` every gap is capped (the run cannot take longer); take that rate then.
  let slowest = Infinity;
  for (let i = 0; i + 1 < times.length; i++) {
    const d = distance(times[i] ?? 0, times[i + 1] ?? 0, scale, span);
    if (d > 0) slowest = Math.min(slowest, d / gapCap(i, 1, gapS));
  }
  if (total(slowest) <= target) return { base: slowest, seconds: total(slowest), gapS };
  let lo = slowest;
  let hi = whole * 1e3;
  for (let i = 0; i < 100; i++) {
    const mid = Math.sqrt(lo * hi);
    if (total(mid) > target) lo = mid;
    else hi = mid;
  }
  return { base: hi, seconds: total(hi), gapS };
}

/**
 * Advances the playhead by `dtSeconds` of wall time at `pace` × 2^`speedStep`, never past
 * the end; a quiet gap longer than its cap is crossed faster, so that it takes the cap.
 */
export function advance(
  t: number,
  dtSeconds: number,
  scale: TimeScale,
  speedStep: number,
  span: Span,
  times: ArrayLike<number>,
  pace: Pace,
): number {
  const factor = 2 ** clampSpeed(speedStep);
  let now = Math.max(0, t);
  let left = dtSeconds;
  let step = now <= 0 ? 0 : stepAtTime(times, now);
  // Each pass crosses at most one gap; a frame crosses a bounded number of them.
  for (let pass = 0; pass < 100_000 && left > 0 && now < span.tEnd; pass++) {
    const from = times[step] ?? 0;
    const to = Math.min(span.tEnd, times[step + 1] ?? span.tEnd);
    if (to <= now) {
      if (step + 1 >= times.length) break;
      step++;
      continue;
    }
    const gap = distance(from, to, scale, span);
    const rate = Math.max(pace.base * factor, gap / gapCap(step, factor, pace.gapS));
    const need = distance(now, to, scale, span) / rate;
    if (need > left) {
      const moved = left * rate;
      now = scale === 'linear' ? now + moved : Math.max(now, span.tMin) * 10 ** moved;
      left = 0;
    } else {
      now = to;
      left -= need;
      step++;
    }
  }
  return Math.min(span.tEnd, now);
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

/** The speed in words, e.g. "5 µs of machine time = 1 s on screen · whole run 21 s". */
export function speedLabel(scale: TimeScale, speedStep: number, pace: Pace): string {
  const factor = 2 ** clampSpeed(speedStep);
  const whole = `whole run ${Number((pace.seconds / factor).toPrecision(2))} s`;
  if (scale === 'linear') return `${formatAmount(pace.base * factor)} of machine time = 1 s on screen · ${whole}`;
  const seconds = 1 / (pace.base * factor);
  // Where the run's events are bunched, the pace comes from its events, not its decades: a
  // decade can then take longer than the whole run, and saying so would only confuse.
  if (seconds > pace.seconds / factor) return `Logarithmic time, paced by its events · ${whole}`;
  return `Logarithmic: each ×10 of machine time = ${Number(seconds.toPrecision(2))} s on screen · ${whole}`;
}
