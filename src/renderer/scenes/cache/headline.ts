/** The stage's one-line verdict on the two sides. */

import type { CacheView } from '../../../sim/cache/scene';
import { formatNs } from '../../../sim/core/format';

/** Before the end: what is about to race. At the end: "A finished in X, B in Y: B is Z× slower, same Big O." */
export function headline(view: CacheView): string {
  const [a, b] = view.sides;
  if (!a.done || !b.done) {
    const same = a.total === b.total ? `the same ${a.total} reads each` : `${a.total} and ${b.total} accesses`;
    return `${a.label} vs ${b.label}: ${same}. Press play and watch which one waits.`;
  }
  const [fast, slow] = a.elapsedNs <= b.elapsedNs ? [a, b] : [b, a];
  if (fast.elapsedNs === 0) {
    // No latencies (an unmeasured machine): compare what can be compared, the misses.
    const missA = a.levels[0]?.counters.misses ?? 0;
    const missB = b.levels[0]?.counters.misses ?? 0;
    return `${a.label}: ${missA} L1 misses, ${b.label}: ${missB}. Times need latencies: measure this machine (Latency Ladder → Real run).`;
  }
  const ratio = slow.elapsedNs / fast.elapsedNs;
  const times = `${a.label} finished in ${formatNs(a.elapsedNs)}, ${b.label} in ${formatNs(b.elapsedNs)}`;
  if (ratio < 1.005) return `${times}: the same time.`;
  // "Same Big O" only where it holds: the same number of accesses on each side.
  const bigO = a.total === b.total ? ', same Big O' : '';
  return `${times}: ${slow.label} is ${ratio.toFixed(ratio < 10 ? 2 : 1)}× slower${bigO}.`;
}
