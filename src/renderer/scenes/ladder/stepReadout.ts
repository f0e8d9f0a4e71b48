/** What a step says: one line for screen readers (narrate…) and the numbers its charts plot, as CSV columns (…ChartRow). */
import type { Frame } from '../../engine/protocol';
import type { LadderView } from '../../../sim/ladder/scene';

import { SHORT_LABELS } from './labels';
import { formatNs } from '../../../sim/core/format';

export function narrateLadder(view: LadderView): string {
  if (view.current < 0) return 'The request is about to set off.';
  if (view.current >= view.route.length) return `The request has climbed every rung: ${formatNs(view.elapsed)} in all.`;
  const rung = view.route[view.current]!;
  return `The request is at ${SHORT_LABELS[rung] ?? rung} (rung ${view.current + 1} of ${view.route.length}), ${formatNs(view.elapsed)} so far.`;
}

/** CSV columns: the rung under the request and the time so far. */
export function ladderChartRow(view: LadderView): Record<string, number | string> {
  const rung = view.current >= 0 && view.current < view.route.length ? view.route[view.current]! : view.current < 0 ? 'start' : 'done';
  return { rung, elapsed_ns: view.elapsed };
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function ladderViewOf(frame: Frame | null | undefined): LadderView | undefined {
  return frame?.sceneId === 'latency-ladder' ? frame.view : undefined;
}
