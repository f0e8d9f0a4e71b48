/**
 * False sharing, for real (worker_thread). Two threads each increment their OWN Int32
 * counter — no data is shared, no update can be lost — first with the two counters 4 bytes
 * apart (one 64-byte cache line), then 256 bytes apart (more than any current CPU's line,
 * Apple's 128-byte lines included, and clear of the adjacent-line prefetcher's 128-byte
 * pairs). On one line, every store must first take the line from the other core, so the
 * line ping-pongs between the two caches; padded, each core keeps its line. The median of
 * five runs of each layout, alternated so that drift in the machine hits both alike. Not the
 * best: on a busy machine the fastest same-line run is the one where the OS ran the two
 * threads one after the other on one core, so they never fought over the line.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { spreadOf } from '../../shared/reliability';
import { envelopeFor, type FalseSharingInput, type WorkerMessage } from './protocol';
import { isCrewThread, serveCrew, ThreadCrew, type CrewThreadData } from './threadCrew';

/** Int32 index of each thread's counter, per layout. */
export const SAME_LINE = [0, 1] as const;
export const PADDED = [0, 64] as const;
const DATA_BYTES = 1024;
const ROUNDS = 5;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface FalseSharingTask {
  readonly data: SharedArrayBuffer;
  /** Int32Array [slot of thread 0, slot of thread 1], set by the coordinator before each run. */
  readonly slots: SharedArrayBuffer;
  readonly iterations: number;
}

/**
 * An increment of this thread's own counter: a load and a store per iteration, no lock.
 * It loads through a second view `r` of the same memory so that the optimizing JIT cannot
 * keep the counter in a register between iterations (see plainLoop in race.ts).
 */
function ownCounterLoop(c: Int32Array, r: Int32Array, index: number, n: number): number {
  for (let i = 0; i < n; i++) c[index] = r[index]! + 1;
  return 0;
}

async function coordinate(input: FalseSharingInput, port: NonNullable<typeof parentPort>): Promise<void> {
  const data = new SharedArrayBuffer(DATA_BYTES);
  const slots = new SharedArrayBuffer(8);
  const counters = new Int32Array(data);
  const slotOf = new Int32Array(slots);
  const crew = await ThreadCrew.start<FalseSharingTask>('false-sharing', input.location, 2, () => ({ data, slots, iterations: input.iterations }));
  try {
    const times = { same: [] as number[], padded: [] as number[] };
    // Warm-up, untimed: each thread's loop reaches V8's optimizing tier and the pages are faulted in.
    crew.runOnce(() => {
      counters.fill(0);
      slotOf[0] = PADDED[0];
      slotOf[1] = PADDED[1];
    });
    let done = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const layout of ['same', 'padded'] as const) {
        const where = layout === 'same' ? SAME_LINE : PADDED;
        const { ms } = crew.runOnce(() => {
          counters.fill(0);
          slotOf[0] = where[0];
          slotOf[1] = where[1];
        });
        for (const i of where) {
          // Own counters: nothing may be lost. A shortfall would mean the layout is wrong.
          if (Atomics.load(counters, i) !== input.iterations) throw new Error(`counter ${i} ended at ${counters[i]}, not ${input.iterations}`);
        }
        times[layout].push(ms);
        done++;
        port.postMessage({
          type: 'progress',
          fraction: done / (2 * ROUNDS),
          message: `${layout === 'same' ? 'same cache line' : '256 bytes apart'}, run ${round + 1} of ${ROUNDS}: ${ms.toFixed(1)} ms`,
        } satisfies WorkerMessage);
      }
    }
    const same = median(times.same);
    const padded = median(times.padded);
    const sameLineMs = Math.round(same * 1000) / 1000;
    const paddedMs = Math.round(padded * 1000) / 1000;
    const ratio = Math.round((same / padded) * 100) / 100;
    port.postMessage({ type: 'result', result: { kind: 'false-sharing', sameLineMs, paddedMs, ratio, spread: spreadOf(times.same, 'ms'), spreadFigure: 'ms, same cache line', paddedSpread: spreadOf(times.padded, 'ms') } } satisfies WorkerMessage);
  } finally {
    await crew.close();
  }
}

const input = envelopeFor<FalseSharingInput | CrewThreadData<FalseSharingTask>['input']>('false-sharing', workerData);
if (parentPort && input) {
  const port = parentPort;
  if (isCrewThread<FalseSharingTask>(input)) {
    const { data, slots, iterations } = input.task;
    const counters = new Int32Array(data);
    const reads = new Int32Array(data);
    const slotOf = new Int32Array(slots);
    serveCrew(input, () => ownCounterLoop(counters, reads, Atomics.load(slotOf, input.index), iterations));
  } else {
    coordinate(input, port).catch((e: unknown) => {
      port.postMessage({ type: 'error', budget: false, message: `false sharing failed: ${(e as Error).message}` } satisfies WorkerMessage);
    });
  }
}
