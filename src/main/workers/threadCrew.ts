/**
 * A crew of worker_threads that run the same loop at the same moment, over and over: the
 * coordinator (itself a measurement worker) spawns them once, then each run releases them
 * through a start barrier on a SharedArrayBuffer so that their loops really overlap, and
 * blocks until the last one is done. Spawning a thread costs ~16 ms (a new V8 isolate; far
 * more through tsx in source mode), so the crew is reused for every repetition and only the
 * barrier separates runs.
 *
 * Control words (Int32Array on their own SharedArrayBuffer, away from the data):
 * GEN    the run number; threads sleep in Atomics.wait until it changes (−1: leave).
 * ARRIVED threads that woke for this run; the last to arrive opens the gate.
 * GO     the run number whose gate is open.
 * DONE   threads finished with this run; the last one wakes the coordinator.
 * FAILED set when a thread's loop threw (its message follows by postMessage).
 */
import { parentPort, type Worker } from 'node:worker_threads';
import { spawnWorker, workerScriptPath, type WorkerLocation } from '../services/workers';

const GEN = 0;
const ARRIVED = 1;
const GO = 2;
const DONE = 3;
const FAILED = 4;
const CONTROL_WORDS = 16; // 64 bytes: the control words share no cache line with anything else

/** Loads of GO before a waiting thread gives up its core and sleeps (about a millisecond). */
const SPIN_LOADS = 200_000;

/** workerData of one crew thread; `task` is what the coordinator's script does in it. */
export interface CrewThreadData<T> {
  readonly worker: string;
  readonly input: {
    readonly crew: true;
    readonly control: SharedArrayBuffer;
    readonly size: number;
    readonly index: number;
    /** One number per thread per run (e.g. CAS retries), written by the thread. */
    readonly stats: SharedArrayBuffer;
    readonly task: T;
  };
}

export function isCrewThread<T>(input: unknown): input is CrewThreadData<T>['input'] {
  return typeof input === 'object' && input !== null && (input as { crew?: unknown }).crew === true;
}

/**
 * Thread side: tells the coordinator it is loaded, then serves runs until told to leave.
 * `work` runs one whole loop and returns this thread's statistic for the run.
 */
export function serveCrew<T>(input: CrewThreadData<T>['input'], work: (run: number) => number): void {
  const control = new Int32Array(input.control);
  const stats = new Float64Array(input.stats);
  parentPort?.postMessage({ type: 'ready' });
  let seen = 0;
  for (;;) {
    Atomics.wait(control, GEN, seen);
    seen = Atomics.load(control, GEN);
    if (seen < 0) return;
    // Barrier: the last thread to arrive opens the gate; the others spin on it briefly (a
    // sleeping thread takes tens of µs to wake, longer than a short run), then sleep.
    if (Atomics.add(control, ARRIVED, 1) + 1 === input.size) {
      Atomics.store(control, GO, seen);
      Atomics.notify(control, GO);
    } else {
      let spins = 0;
      while (Atomics.load(control, GO) !== seen) {
        if (++spins > SPIN_LOADS) Atomics.wait(control, GO, Atomics.load(control, GO), 10);
      }
    }
    try {
      stats[input.index] = work(seen);
    } catch (e) {
      Atomics.store(control, FAILED, 1);
      parentPort?.postMessage({ type: 'failed', message: (e as Error).message });
    }
    if (Atomics.add(control, DONE, 1) + 1 === input.size) Atomics.notify(control, DONE);
  }
}

/** Coordinator side. */
export class ThreadCrew {
  private readonly stats: Float64Array;
  private run = 0;

  private constructor(
    private readonly threads: readonly Worker[],
    stats: SharedArrayBuffer,
    private readonly control: Int32Array,
  ) {
    this.stats = new Float64Array(stats);
  }

  /**
   * Spawns `size` threads of the script `name` (in the coordinator's own location) and
   * resolves when every one of them has loaded.
   */
  static async start<T>(name: string, location: WorkerLocation, size: number, task: (index: number) => T): Promise<ThreadCrew> {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
    const stats = new SharedArrayBuffer(size * 8);
    const script = workerScriptPath(name, location);
    const threads: Worker[] = [];
    const ready: Promise<void>[] = [];
    for (let index = 0; index < size; index++) {
      const workerData: CrewThreadData<T> = { worker: name, input: { crew: true, control: control.buffer as SharedArrayBuffer, size, index, stats, task: task(index) } };
      const thread = spawnWorker(script, location, { workerData });
      threads.push(thread);
      ready.push(
        new Promise<void>((resolve, reject) => {
          thread.once('message', () => resolve());
          thread.once('error', (e) => reject(new Error(`thread ${index} failed to start: ${e.message}`)));
          thread.once('exit', (code) => reject(new Error(`thread ${index} exited (code ${code}) before it started`)));
        }),
      );
    }
    try {
      await Promise.all(ready);
    } catch (e) {
      await Promise.all(threads.map((t) => t.terminate()));
      throw e;
    }
    return new ThreadCrew(threads, stats, control);
  }

  /**
   * One run: `prepare` resets the shared data, then every thread runs its loop once.
   * Blocks the coordinator (a worker, so Atomics.wait is allowed) until all are done.
   * Returns the wall time from release to the last thread's end, and each thread's statistic.
   */
  runOnce(prepare: () => void): { ms: number; stats: number[] } {
    const c = this.control;
    prepare();
    Atomics.store(c, ARRIVED, 0);
    Atomics.store(c, DONE, 0);
    const run = ++this.run;
    const t0 = process.hrtime.bigint();
    Atomics.store(c, GEN, run);
    Atomics.notify(c, GEN);
    for (let done = Atomics.load(c, DONE); done !== this.threads.length; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (Atomics.load(c, FAILED) !== 0) throw new Error('a racing thread failed');
    return { ms, stats: [...this.stats] };
  }

  async close(): Promise<void> {
    Atomics.store(this.control, GEN, -1);
    Atomics.notify(this.control, GEN);
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
