/**
 * Amdahl's and Gustafson's laws: how much n cores can speed up a job whose serial part is
 * a fraction s of the one-core run.
 */

function check(serialFraction: number, n: number): void {
  if (!(serialFraction >= 0 && serialFraction <= 1)) throw new RangeError(`serial fraction must be in 0..1, got ${serialFraction}`);
  if (!(n >= 1) || !Number.isFinite(n)) throw new RangeError(`n must be a finite number ≥ 1, got ${n}`);
}

/**
 * Amdahl (fixed problem size): speedup = 1 / (s + (1 − s) / n). Never more than 1 / s.
 * @param serialFraction - s, 0..1, share of the one-core time that cannot run in parallel
 * @param n - cores (≥ 1)
 */
export function amdahl(serialFraction: number, n: number): number {
  check(serialFraction, n);
  return 1 / (serialFraction + (1 - serialFraction) / n);
}

/**
 * Gustafson (problem grows with the machine): scaled speedup = n − s·(n − 1) = s + (1 − s)·n.
 * @param serialFraction - s, 0..1, share of the n-core run's time spent serially
 * @param n - cores (≥ 1)
 */
export function gustafson(serialFraction: number, n: number): number {
  check(serialFraction, n);
  return n - serialFraction * (n - 1);
}

/** One point of a speedup curve. */
export interface CurvePoint {
  readonly n: number;
  readonly amdahl: number;
  readonly gustafson: number;
}

/** Both laws for n = 1..maxN (default 64), one point per whole n. */
export function speedupCurves(serialFraction: number, maxN = 64): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let n = 1; n <= maxN; n++) points.push({ n, amdahl: amdahl(serialFraction, n), gustafson: gustafson(serialFraction, n) });
  return points;
}
