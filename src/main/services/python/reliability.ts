/**
 * The spread of a Python run's repeats, in the shared shape (src/shared/reliability.ts). A Python
 * run has few repeats (often 2 or 4), so its median is the mean of the middle two where the count
 * is even; the load around a run is the host's (src/main/services/hostLoad.ts).
 */
import type { Spread } from '../../../shared/python';
export { watchLoad } from '../hostLoad';

/** min / median / max of the samples (the median of an even count is the mean of the middle two). */
export function spreadOf(samples: readonly number[], unit: string): Spread {
  if (samples.length === 0) return { min: NaN, median: NaN, max: NaN, repeats: 0, unit };
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { min: s[0]!, median, max: s[s.length - 1]!, repeats: s.length, unit };
}
