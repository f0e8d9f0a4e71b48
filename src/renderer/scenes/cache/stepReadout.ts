/** What a step says: one line for screen readers (narrate…) and the numbers its charts plot, as CSV columns (…ChartRow). */
import type { Frame } from '../../engine/protocol';
import type { CacheView } from '../../../sim/cache/scene';
import { headline } from './headline';

export function narrateCache(view: CacheView): string {
  if (view.sides.every((s) => s.done)) return headline(view);
  return view.sides
    .map((side) => {
      const l1 = side.levels[0]?.counters;
      const last = side.last ? `${side.last.op === 'W' ? 'write' : 'read'} of ${side.last.addr} ${side.last.level === 'L1' ? 'hit in L1' : `missed L1, served by ${side.last.level}`}` : 'no access yet';
      return `${side.label}, access ${side.accesses} of ${side.total}: ${last} (L1 ${l1?.hits ?? 0} hits, ${l1?.misses ?? 0} misses)`;
    })
    .join('. ');
}

/** CSV columns per side: accesses, L1 hits and misses, hit rate, AMAT and time so far (what the charts plot). */
export function cacheChartRow(view: CacheView): Record<string, number | string> {
  const row: Record<string, number | string> = {};
  view.sides.forEach((side, i) => {
    const l1 = side.levels[0]?.counters;
    row[`side${i}_pattern`] = side.pattern;
    row[`side${i}_accesses`] = side.accesses;
    row[`side${i}_l1_hits`] = l1?.hits ?? 0;
    row[`side${i}_l1_misses`] = l1?.misses ?? 0;
    row[`side${i}_l1_hit_rate`] = l1 && l1.accesses > 0 ? l1.hits / l1.accesses : '';
    row[`side${i}_amat_ns`] = side.amatNs;
    row[`side${i}_elapsed_ns`] = side.elapsedNs;
  });
  return row;
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function cacheViewOf(frame: Frame | null | undefined): CacheView | undefined {
  return frame?.sceneId === 'memory-hierarchy' ? frame.view : undefined;
}
