/** One line for screen readers: where each side's latest access was served, and its L1 tally. */
import type { CacheView } from '../../../sim/cache/scene';
import { headline } from './headline';

export function narrateCache(raw: unknown): string {
  const view = raw as CacheView;
  if (view.sides.every((s) => s.done)) return headline(view);
  return view.sides
    .map((side) => {
      const l1 = side.levels[0]?.counters;
      const last = side.last ? `${side.last.op === 'W' ? 'write' : 'read'} of ${side.last.addr} ${side.last.level === 'L1' ? 'hit in L1' : `missed L1, served by ${side.last.level}`}` : 'no access yet';
      return `${side.label}, access ${side.accesses} of ${side.total}: ${last} (L1 ${l1?.hits ?? 0} hits, ${l1?.misses ?? 0} misses)`;
    })
    .join('. ');
}
