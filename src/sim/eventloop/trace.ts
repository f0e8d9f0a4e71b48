/**
 * The event-loop scene's trace: one record per step (a callback or job starts, a line is
 * printed, work is queued, the loop moves to a phase, the program ends), each carrying a full
 * picture of the queues so the timeline can show any step on its own.
 */
import type { TraceRecord } from '../core/engine';
import type { Nanos } from '../core/units';

/** Which runtime's event loop. */
export type RuntimeId = 'node' | 'browser';

/** Where the loop is. Node: main, timers, poll, check, close; browser: task, render. */
export type Phase = 'main' | 'timers' | 'pending' | 'poll' | 'check' | 'close' | 'ticks' | 'microtasks' | 'task' | 'render' | 'done';

/** One entry of a queue as the scene draws it. */
export interface QueueItem {
  /** Stable id across steps (for animation). */
  readonly id: number;
  readonly label: string;
  /** Line of the callback's definition or of the call that queued it (1-based). */
  readonly line: number | null;
  /** Timers and I/O: when the work is due, virtual ns. */
  readonly dueNs?: number;
}

/** Every queue of both runtimes (a runtime leaves the ones it lacks empty). */
export interface Queues {
  /** process.nextTick queue (Node). */
  readonly ticks: readonly QueueItem[];
  /** Promise jobs and queueMicrotask callbacks. */
  readonly microtasks: readonly QueueItem[];
  /** Timers not yet run (setTimeout / setInterval), by due time. */
  readonly timers: readonly QueueItem[];
  /** setImmediate callbacks (Node's check phase). */
  readonly check: readonly QueueItem[];
  /** I/O in flight (libuv thread pool / browser network), with its completion time. */
  readonly io: readonly QueueItem[];
  /** Browser: tasks ready to run (timers due, messages). */
  readonly tasks: readonly QueueItem[];
  /** Browser: requestAnimationFrame callbacks for the next frame. */
  readonly frames: readonly QueueItem[];
}

/** The step kinds (`call`: a generator resumes or yields, a class is constructed, an emitter calls a listener). */
export type StepKind = 'start' | 'run' | 'log' | 'enqueue' | 'phase' | 'exit' | 'call';

/** One step of the event loop. */
export interface LoopStep extends TraceRecord {
  readonly t: Nanos;
  readonly kind: StepKind;
  readonly phase: Phase;
  /** What happened, in words ("run timer: tick (line 4)"). */
  readonly label: string;
  /** The line being executed (1-based), or null between callbacks. */
  readonly line: number | null;
  /** The program's call stack, outermost first. */
  readonly stack: readonly string[];
  /**
   * Suspended functions, parked off the stack: async functions at an `await`, generators at a
   * `yield` ("counter (suspended at yield, line 4)"), in the order they were parked.
   */
  readonly parked: readonly string[];
  readonly queues: Queues;
  /** Console lines printed so far (the console is append-only: show the first n). */
  readonly consoleLines: number;
}

/** One printed line. */
export interface ConsoleLine {
  readonly text: string;
  readonly stream: 'stdout' | 'stderr';
  /** Line of the console call (1-based). */
  readonly line: number;
  /** Virtual time of the print, ns. */
  readonly t: number;
}

/** How the program ended. */
export interface ExitInfo {
  readonly reason: 'done' | 'uncaught' | 'unhandled-rejection' | 'budget' | 'exit';
  /** The process exit code Node would report. */
  readonly code: number;
  /** What Node prints on stderr (first line), for uncaught errors and rejections. */
  readonly message: string | null;
}
