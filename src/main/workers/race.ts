/**
 * Threads racing on one shared counter, for real (worker_thread). The coordinator starts a
 * crew of T threads on one SharedArrayBuffer; each run they all increment (or, for incdec,
 * half of them decrement) the same Int32 K times, released together by a start barrier.
 * Strategies: plain (`v[0] += 1`: a load, an add and a store, with nothing stopping another
 * thread's store from landing in between), atomic (`Atomics.add`), cas (a compareExchange
 * loop, counting failed attempts), mutex (a lock on Atomics.compareExchange + wait/notify
 * guarding the plain increment), incdec (the seed's incrementer against decrementer:
 * even threads +1, odd threads −1, plain). Every run reports the final value, the expected
 * one and |expected − final|.
 */
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { RaceRun, RaceStrategy } from '../../shared/api';
import { spreadOf } from '../../shared/reliability';
import { envelopeFor, type RaceInput, type WorkerMessage } from './protocol';
import { isCrewThread, serveCrew, ThreadCrew, type CrewThreadData } from './threadCrew';

/** Int32 word of the counter, and of the mutex: 128 bytes apart, so never on one cache line. */
const COUNTER = 0;
const LOCK = 32;
const DATA_BYTES = 256;

/** Spins on a held lock before sleeping: a holder keeps it for a few ns, a futex sleep costs µs. */
const LOCK_SPINS = 100;

interface RaceTask {
  readonly strategy: RaceStrategy;
  readonly iterations: number;
  readonly delta: 1 | -1;
  readonly data: SharedArrayBuffer;
}

/** +1 for every thread, except in incdec where odd threads count down (the seed's decrementer). */
export function deltaOf(strategy: RaceStrategy, index: number): 1 | -1 {
  return strategy === 'incdec' && index % 2 === 1 ? -1 : 1;
}

/** What the counter must end at if no update is lost. */
export function expectedFinal(strategy: RaceStrategy, workers: number, iterations: number): number {
  let sum = 0;
  for (let i = 0; i < workers; i++) sum += deltaOf(strategy, i) * iterations;
  return sum;
}

/**
 * The non-atomic read-modify-write: a load, an add, a store, with nothing joining the load
 * to the store. It loads through `r`, a second Int32Array over the same memory, and stores
 * through `v`. With one view, once TurboFan optimizes `v[0] += 1` it forwards each
 * iteration's store to the next iteration's load: the counter lives in a register and each
 * thread just overwrites the other's total (measured on Node 20 / V8 11.3, 2 threads × 10^6:
 * after the first runs every final was exactly 1 M or 2 M; incdec exactly −1 M, 0 or +1 M).
 * Two objects may alias, so the compiler must load again after every store; that keeps a
 * real load and store per iteration at ~2.7 ns (one view: ~2 ns). Atomics.load would also
 * do it, but V8 11.3 calls a builtin for it: ~15 ns, which would hide the race's real cost.
 */
function plainLoop(v: Int32Array, r: Int32Array, n: number, delta: number): number {
  for (let i = 0; i < n; i++) v[COUNTER] = r[COUNTER]! + delta;
  return 0;
}

function atomicLoop(v: Int32Array, _r: Int32Array, n: number, delta: number): number {
  for (let i = 0; i < n; i++) Atomics.add(v, COUNTER, delta);
  return 0;
}

/** Read, compute, publish only if nobody wrote in between; otherwise retry with what they wrote. */
function casLoop(v: Int32Array, _r: Int32Array, n: number, delta: number): number {
  let retries = 0;
  for (let i = 0; i < n; i++) {
    let old = Atomics.load(v, COUNTER);
    for (;;) {
      const seen = Atomics.compareExchange(v, COUNTER, old, old + delta);
      if (seen === old) break;
      retries++;
      old = seen;
    }
  }
  return retries;
}

/**
 * Drepper's three-state futex mutex ("Futexes are tricky", mutex2): 0 free, 1 held,
 * 2 held with sleepers. Unlock only pays for a notify when someone may sleep.
 */
function lock(m: Int32Array): void {
  let c = Atomics.compareExchange(m, LOCK, 0, 1);
  if (c === 0) return;
  for (let spin = 0; spin < LOCK_SPINS; spin++) {
    if (Atomics.load(m, LOCK) === 0 && (c = Atomics.compareExchange(m, LOCK, 0, 1)) === 0) return;
  }
  if (c !== 2) c = Atomics.exchange(m, LOCK, 2);
  while (c !== 0) {
    Atomics.wait(m, LOCK, 2);
    c = Atomics.exchange(m, LOCK, 2);
  }
}

function unlock(m: Int32Array): void {
  if (Atomics.sub(m, LOCK, 1) !== 1) {
    Atomics.store(m, LOCK, 0);
    Atomics.notify(m, LOCK, 1);
  }
}

function mutexLoop(v: Int32Array, _r: Int32Array, n: number, delta: number): number {
  for (let i = 0; i < n; i++) {
    lock(v);
    // Atomics are sequentially consistent fences, so this plain access is race-free.
    v[COUNTER] = v[COUNTER]! + delta;
    unlock(v);
  }
  return 0;
}

const LOOPS: Record<RaceStrategy, (v: Int32Array, r: Int32Array, n: number, delta: number) => number> = {
  plain: plainLoop,
  incdec: plainLoop,
  atomic: atomicLoop,
  cas: casLoop,
  mutex: mutexLoop,
};

function thousands(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Runs the whole measurement (coordinator side) and posts progress and the result. */
async function coordinate(input: RaceInput, port: NonNullable<typeof parentPort>): Promise<void> {
  const { workers, iterations, strategy, repeat } = input;
  const data = new SharedArrayBuffer(DATA_BYTES);
  const v = new Int32Array(data);
  port.postMessage({ type: 'progress', fraction: 0, message: `starting ${workers} thread${workers === 1 ? '' : 's'}` } satisfies WorkerMessage);
  const crew = await ThreadCrew.start<RaceTask>('race', input.location, workers, (index) => ({ strategy, iterations, delta: deltaOf(strategy, index), data }));
  try {
    const expected = expectedFinal(strategy, workers, iterations);
    const runs: RaceRun[] = [];
    let totalMs = 0;
    for (let r = 0; r < repeat; r++) {
      const { ms, stats } = crew.runOnce(() => {
        Atomics.store(v, COUNTER, 0);
        Atomics.store(v, LOCK, 0);
      });
      const final = Atomics.load(v, COUNTER);
      const retries = stats.reduce((a, b) => a + b, 0);
      const run: RaceRun = { final, expected, lost: Math.abs(expected - final), ms: Math.round(ms * 1000) / 1000, ...(strategy === 'cas' ? { retries } : {}) };
      runs.push(run);
      totalMs += ms;
      port.postMessage({
        type: 'progress',
        fraction: (r + 1) / repeat,
        message: `run ${r + 1} of ${repeat}: ${thousands(final)} (expected ${thousands(expected)}, lost ${thousands(run.lost)}) in ${ms.toFixed(1)} ms`,
      } satisfies WorkerMessage);
    }
    const ops = workers * iterations * repeat;
    const opsPerS = totalMs > 0 ? Math.round(ops / (totalMs / 1000)) : 0;
    port.postMessage({ type: 'result', result: { kind: 'race', params: { workers, iterations, strategy, repeat }, runs, opsPerS, cores: availableParallelism(), spread: spreadOf(runs.map((r) => r.ms), 'ms'), spreadFigure: 'ms per run' } } satisfies WorkerMessage);
  } finally {
    await crew.close();
  }
}

const input = envelopeFor<RaceInput | CrewThreadData<RaceTask>['input']>('race', workerData);
if (parentPort && input) {
  const port = parentPort;
  if (isCrewThread<RaceTask>(input)) {
    const { strategy, iterations, delta, data } = input.task;
    const v = new Int32Array(data);
    const r = new Int32Array(data);
    const loop = LOOPS[strategy];
    serveCrew(input, () => loop(v, r, iterations, delta));
  } else {
    coordinate(input, port).catch((e: unknown) => {
      port.postMessage({ type: 'error', budget: false, message: `race failed: ${(e as Error).message}` } satisfies WorkerMessage);
    });
  }
}
