/** The numbers the stage leads with, from a view: pure, so the test can check them by hand. */

import type { ParallelView } from './view';
import { formatNs } from '../../../sim/core/format';

export const formatDuration = (ns: number): string => formatNs(Math.max(0, ns));

/** One thread's wall time over this run's: null until the run has taken any time. */
export function simulatedSpeedup(view: Pick<ParallelView, 'singleWallNs' | 'wallNs'>): number | null {
  return view.wallNs > 0 && view.singleWallNs > 0 ? view.singleWallNs / view.wallNs : null;
}

/** Share of `elapsed` a core was busy, 0..1 (0 before any time has passed). */
export function utilisation(busyNs: number, elapsedNs: number): number {
  return elapsedNs > 0 ? Math.min(1, Math.max(0, busyNs / elapsedNs)) : 0;
}

/** Workers queued on the GIL, in id order: the convoy. */
export function convoy(view: Pick<ParallelView, 'workers'>): number[] {
  return view.workers.filter((w) => w.state === 'waiting-gil').map((w) => w.id);
}
