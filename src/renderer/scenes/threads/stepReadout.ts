/** What a step says: one line for screen readers (narrate…) and the numbers its charts plot, as CSV columns (…ChartRow). */
import type { Frame } from '../../engine/protocol';
import type { ThreadsView } from '../../../sim/threads/scene';

function value(v: number | readonly number[]): string {
  return typeof v === 'number' ? String(v) : `[${v.join(', ')}]`;
}

export function narrateThreads(view: ThreadsView): string {
  const memory = view.memory.map((m) => `${m.name} = ${value(m.value)}`).join(', ');
  const lost = view.lostUpdates === 1 ? '1 update lost so far' : `${view.lostUpdates} updates lost so far`;
  if (!view.last) return `Nothing has run yet; ${memory}.`;
  const who = `Thread ${view.last.thread} ran ${view.last.op}`;
  const overwrite = view.last.lost ? ', overwriting another thread’s update' : '';
  const end = view.finished ? ` Finished${view.expected !== null ? `: expected ${view.expected}` : ''}.` : '';
  return `${who}${overwrite}; ${memory}; ${lost}.${end}`;
}

/**
 * CSV columns: the shared values, lost updates, the time of this step (`elapsed_ns`, the
 * row's `t_ns`) and when the step's micro-op completes (`done_ns`, one op's cost later).
 */
export function threadsChartRow(view: ThreadsView, at: { readonly t: number }): Record<string, number | string> {
  const row: Record<string, number | string> = {};
  for (const m of view.memory) row[m.name] = value(m.value);
  row.lost_updates = view.lostUpdates;
  row.elapsed_ns = at.t;
  row.done_ns = view.elapsed;
  return row;
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function threadsViewOf(frame: Frame | null | undefined): ThreadsView | undefined {
  return frame?.sceneId === 'threads' ? frame.view : undefined;
}
