/** What a step says: one line for screen readers (narrate…) and the numbers its charts plot, as CSV columns (…ChartRow). */
import type { Frame } from '../../engine/protocol';
import type { ParallelView } from '../../../sim/parallel/scene';
import { formatNs } from '../../../sim/core/format';

export function narrateParallel(view: ParallelView): string {
  const running = view.cores.filter((c) => c.running).map((c) => `core ${c.id} runs worker ${c.running!.worker}`);
  const count = (state: string) => view.workers.filter((w) => w.state === state).length;
  const waiting = [count('waiting-gil') && `${count('waiting-gil')} waiting for the GIL`, count('blocked') && `${count('blocked')} blocked on I/O`].filter(Boolean);
  if (view.done) return `All tasks done: wall time ${formatNs(view.wallNs)}, CPU time ${formatNs(view.cpuNs)}, ${view.contextSwitches} context switches.`;
  return `${running.length ? running.join(', ') : 'No core busy'}${waiting.length ? `; ${waiting.join(', ')}` : ''}; ${formatNs(view.wallNs)} so far.`;
}

/** CSV columns: wall and CPU time, context switches, each core's busy time. */
export function parallelChartRow(view: ParallelView): Record<string, number | string> {
  const row: Record<string, number | string> = { wall_ns: view.wallNs, cpu_ns: view.cpuNs, context_switches: view.contextSwitches };
  for (const core of view.cores) row[`core${core.id}_busy_ns`] = core.busyNs;
  return row;
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function parallelViewOf(frame: Frame | null | undefined): ParallelView | undefined {
  return frame?.sceneId === 'parallel' ? frame.view : undefined;
}
