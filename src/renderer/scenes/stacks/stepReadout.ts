/** What a step says: one line for screen readers (narrate…) and the numbers its charts plot, as CSV columns (…ChartRow). */
import type { Frame } from '../../engine/protocol';
import type { StacksView } from '../../../sim/stacks/scene';

export function narrateStacks(view: StacksView): string {
  const count = (state: string) => view.instances.filter((i) => i.state === state).length;
  const parts = [`${view.label}: ${count('running')} running`, `${count('booting')} booting`];
  if (count('idle')) parts.push(`${count('idle')} idle`);
  if (count('rejected')) parts.push(`${count('rejected')} do not fit`);
  const fit = `${view.fit} of ${view.requested} fit on the host`;
  const fn = view.functions ? `; ${view.functions.requests} requests, ${view.functions.coldStarts} cold starts` : '';
  return `${parts.join(', ')}; ${fit}${fn}.`;
}

/** CSV columns: instances by state, what fits, and the function stack's requests and cold starts. */
export function stacksChartRow(view: StacksView): Record<string, number | string> {
  const row: Record<string, number | string> = { fit: view.fit, requested: view.requested, memory_used_bytes: view.host.usedBytes };
  for (const state of ['waiting', 'booting', 'running', 'idle', 'stopped', 'rejected']) row[state] = view.instances.filter((i) => i.state === state).length;
  if (view.functions) {
    row.requests = view.functions.requests;
    row.cold_starts = view.functions.coldStarts;
    row.warm_hits = view.functions.warmHits;
  }
  return row;
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function stacksViewOf(frame: Frame | null | undefined): StacksView | undefined {
  return frame?.sceneId === 'stacks' ? frame.view : undefined;
}
