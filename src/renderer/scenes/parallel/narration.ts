/** One line for screen readers: who runs on which core, who waits, and the wall time so far. */
import type { ParallelView } from '../../../sim/parallel/scene';
import { formatNs } from '../../../sim/ladder/scale';

export function narrateParallel(raw: unknown): string {
  const view = raw as ParallelView;
  const running = view.cores.filter((c) => c.running).map((c) => `core ${c.id} runs worker ${c.running!.worker}`);
  const count = (state: string) => view.workers.filter((w) => w.state === state).length;
  const waiting = [count('waiting-gil') && `${count('waiting-gil')} waiting for the GIL`, count('blocked') && `${count('blocked')} blocked on I/O`].filter(Boolean);
  if (view.done) return `All tasks done: wall time ${formatNs(view.wallNs)}, CPU time ${formatNs(view.cpuNs)}, ${view.contextSwitches} context switches.`;
  return `${running.length ? running.join(', ') : 'No core busy'}${waiting.length ? `; ${waiting.join(', ')}` : ''}; ${formatNs(view.wallNs)} so far.`;
}
