/** What a step says: one line for screen readers (narrateSimd) and the numbers its charts plot, as CSV columns (simdChartRow). */
import type { Frame } from '../../engine/protocol';
import type { SimdView } from '../../../sim/simd/scene';

export function narrateSimd(view: SimdView): string {
  const active = view.lanes.filter((l) => l.active).length;
  const where = view.iteration === 0 ? 'before the loop' : `iteration ${view.iteration} of ${view.iterations}, ${active} of ${view.lanes.length} lanes active`;
  return `${view.text}, ${view.style}: ${where}; ${view.elementsDone} of ${view.n} elements, cycle ${view.cycles} of ${view.totalCycles}, ${view.result.bound}-bound.`;
}

/** CSV columns: progress through the loop and the predicted time of each style. */
export function simdChartRow(view: SimdView): Record<string, number | string> {
  const row: Record<string, number | string> = { iteration: view.iteration, elements_done: view.elementsDone, cycles: view.cycles, ns: view.ns, bound: view.result.bound };
  for (const s of view.styles) {
    row[`${s.style}_ns`] = s.ns;
    row[`${s.style}_speedup`] = s.speedup;
  }
  return row;
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function simdViewOf(frame: Frame | null | undefined): SimdView | undefined {
  return frame?.sceneId === 'simd' ? frame.view : undefined;
}
