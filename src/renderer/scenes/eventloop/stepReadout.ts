/** What a step says: one line for screen readers (narrateEventLoop) and the queue lengths, as CSV columns (eventLoopChartRow). */
import type { Frame } from '../../engine/protocol';
import type { EventLoopView } from '../../../sim/eventloop/scene';

const QUEUES = ['ticks', 'microtasks', 'timers', 'check', 'io', 'tasks', 'frames'] as const;

const C10K_WORDS = { blocking: 'one blocking thread', threads: 'a thread per request', 'event-loop': 'the event loop' } as const;

export function narrateEventLoop(view: EventLoopView): string {
  if (view.c10k) {
    const { tNs, results } = view.c10k;
    const where = results.map((r) => `${C10K_WORDS[r.strategy]} ${tNs >= r.totalNs ? 'is done' : 'is still serving'}`).join(', ');
    return `C10k, ${view.c10k.params.requests} requests: ${where}.`;
  }
  if (view.error) return `The program cannot run: ${view.error.message}`;
  if (!view.step) return 'The script is about to start.';
  const { step } = view;
  const waiting = QUEUES.map((q) => [q, step.queues[q].length] as const).filter(([, n]) => n > 0).map(([q, n]) => `${n} in ${q}`);
  const last = view.console[view.console.length - 1];
  const printed = step.kind === 'log' && last ? ` Printed "${last.text}".` : '';
  return `Step ${view.index + 1} of ${view.totalSteps}, ${step.phase}: ${step.label}.${printed} ${waiting.length ? `Waiting: ${waiting.join(', ')}.` : 'Nothing waiting.'}`;
}

/** CSV columns: the phase, the stack depth, each queue's length and the console lines so far. */
export function eventLoopChartRow(view: EventLoopView): Record<string, number | string> {
  if (view.c10k) {
    const { tNs, results } = view.c10k;
    return Object.fromEntries(results.map((r) => [`${r.strategy.replace('-', '_')}_done`, tNs >= r.totalNs ? 1 : 0]));
  }
  const row: Record<string, number | string> = { phase: view.step?.phase ?? 'before', stack_depth: view.step?.stack.length ?? 0, console_lines: view.console.length };
  for (const q of QUEUES) row[q] = view.step?.queues[q].length ?? 0;
  return row;
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function eventLoopViewOf(frame: Frame | null | undefined): EventLoopView | undefined {
  return frame?.sceneId === 'event-loop' ? frame.view : undefined;
}
