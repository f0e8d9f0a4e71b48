/**
 * Parallel speedup, for real (worker_thread). One fixed amount of CPU-bound work — counting
 * the primes below PRIME_LIMIT by trial division — is split over 1, 2, … maxWorkers
 * worker_threads. Candidates are dealt out round-robin (thread i of k tests the odd numbers
 * 3 + 2(i + jk)), so every thread gets the same mix of cheap small and dear large numbers
 * and no thread is left holding the tail. The threads are one crew of maxWorkers started
 * once (see threadCrew.ts); a run with k workers gives work to the first k and the others
 * return at once, so thread start-up is never inside a timed run. Each count is timed
 * `repeat` times, round-robin over the counts so that drift in the machine hits them all,
 * and the best run is kept. Every run's prime count is checked against the one-worker count.
 *
 * Then three small measurements: the start-up cost of a bare worker_thread, the cost of
 * spawning and reaping a child process, and an IO-bound variant on this one thread (64
 * timer waits of 10 ms at concurrency 1 … 64: the waits overlap, no core is busy).
 */
import { spreadOf, widestSpread } from '../../shared/reliability';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { SpeedupPoint } from '../../shared/api';
import { BUDGET_EXCEEDED, envelopeFor, type SpeedupInput, type WorkerMessage } from './protocol';
import { isCrewThread, serveCrew, ThreadCrew, type CrewThreadData } from './threadCrew';

/** Primes below this are counted; about 0.2 s on one 2020 core. π(3,000,000) = 216,816. */
export const PRIME_LIMIT = 3_000_000;
/** The IO-bound variant: this many timer waits of IO_WAIT_MS each, at each concurrency. */
export const IO_WAITS = 64;
export const IO_WAIT_MS = 10;
export const IO_CONCURRENCY = [1, 2, 4, 8, 16, 64] as const;
const STARTUP_SAMPLES = 7;
/** The untimed warm-up run's limit: enough iterations for the optimizing compiler to step in. */
const WARMUP_LIMIT = 200_000;

/**
 * Primes below `limit` among this thread's share: thread `index` of `threads` tests the odd
 * numbers 3 + 2(index + j·threads). Thread 0 also counts the prime 2.
 */
export function countPrimesShare(limit: number, index: number, threads: number): number {
  let count = index === 0 && limit > 2 ? 1 : 0;
  for (let x = 3 + 2 * index; x < limit; x += 2 * threads) {
    let prime = true;
    for (let d = 3; d * d <= x; d += 2) {
      if (x % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/**
 * Amdahl's serial fraction s fitted to measured speedups. Amdahl: with p processors
 * 1/S = s + (1 − s)/p, i.e. 1/S − 1/p = s·(1 − 1/p), a line through the origin in s. Least
 * squares on that line gives s = Σ x·y / Σ x² with x = 1 − 1/p, y = 1/S − 1/p. p is
 * min(workers, cores): past the core count more threads only take turns, which is not a
 * serial part of the program, so it must not inflate s. Clamped to [0, 1]; 0 when no point
 * has p > 1 (one core, or one worker: nothing to fit).
 */
export function fitSerialFraction(points: readonly { readonly workers: number; readonly speedup: number }[], cores: number): number {
  let sxy = 0;
  let sxx = 0;
  for (const pt of points) {
    const p = Math.min(pt.workers, cores);
    if (p <= 1 || !(pt.speedup > 0)) continue;
    const x = 1 - 1 / p;
    const y = 1 / pt.speedup - 1 / p;
    sxy += x * y;
    sxx += x * x;
  }
  if (sxx === 0) return 0;
  return Math.min(1, Math.max(0, sxy / sxx));
}

/** Speedup and efficiency from the best seconds per worker count (index 0 = 1 worker). */
export function speedupPoints(best: readonly number[]): SpeedupPoint[] {
  const t1 = best[0]!;
  return best.map((seconds, i) => {
    const workers = i + 1;
    const speedup = t1 / seconds;
    return { workers, seconds, speedup, efficiency: speedup / workers };
  });
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

/** Median ms from `new Worker` of an empty script to its 'exit' event. */
async function workerStartMs(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < STARTUP_SAMPLES; i++) {
    const t0 = process.hrtime.bigint();
    await new Promise<void>((resolve, reject) => {
      const w = new Worker('0', { eval: true });
      w.once('error', reject);
      w.once('exit', () => resolve());
    });
    samples.push(msSince(t0));
  }
  return median(samples);
}

/**
 * The child process to time: /bin/true where it exists (the cost of fork + exec + reap
 * alone), else this runtime with `-e 0` (which adds a runtime's own start-up).
 * ELECTRON_RUN_AS_NODE makes Electron's binary behave as Node.
 */
export function spawnCommand(): { readonly file: string; readonly args: readonly string[]; readonly label: string } {
  if (existsSync('/bin/true')) return { file: '/bin/true', args: [], label: '/bin/true' };
  return { file: process.execPath, args: ['-e', '0'], label: `${process.execPath} -e 0` };
}

async function spawnMs(): Promise<number> {
  const cmd = spawnCommand();
  const samples: number[] = [];
  for (let i = 0; i < STARTUP_SAMPLES; i++) {
    const t0 = process.hrtime.bigint();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(cmd.file, [...cmd.args], { stdio: 'ignore', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      child.once('error', reject);
      child.once('exit', () => resolve());
    });
    samples.push(msSince(t0));
  }
  return median(samples);
}

/** IO_WAITS timer waits, `concurrency` of them in flight at a time, on this one thread. Seconds. */
export async function ioRun(concurrency: number, waits = IO_WAITS, waitMs = IO_WAIT_MS): Promise<number> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < waits) {
      next++;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, waits) }, lane));
  return msSince(t0) / 1000;
}

interface SpeedupTask {
  /** Int32 word 0: how many threads take part in this run; word 1: the prime limit of the run. */
  readonly active: SharedArrayBuffer;
}

class BudgetExceeded extends Error {}

async function coordinate(input: SpeedupInput, port: NonNullable<typeof parentPort>): Promise<void> {
  const t0 = process.hrtime.bigint();
  const post = (m: WorkerMessage): void => port.postMessage(m);
  const cores = availableParallelism();
  const n = input.maxWorkers;
  const active = new SharedArrayBuffer(8);
  const activeCount = new Int32Array(active);
  // Steps for progress: the timed runs, then worker start, spawn and the IO variant.
  const steps = n * input.repeat + 3;
  let step = 0;
  const progress = (message: string): void => post({ type: 'progress', fraction: Math.min(1, ++step / steps), message });
  const checkBudget = (where: string): void => {
    if (msSince(t0) > input.budgetMs) throw new BudgetExceeded(`${BUDGET_EXCEEDED}: ${input.budgetMs} ms passed ${where}`);
  };

  post({ type: 'progress', fraction: 0, message: `starting ${n} worker thread${n === 1 ? '' : 's'}` });
  const crew = await ThreadCrew.start<SpeedupTask>('speedup', input.location, n, () => ({ active }));
  const best = new Array<number>(n).fill(Infinity);
  const seconds: number[][] = Array.from({ length: n }, () => []);
  try {
    // Warm-up, untimed: every thread is its own V8 isolate and must compile the kernel itself,
    // or the first run at each new count would pay for its threads' JIT.
    crew.runOnce(() => {
      Atomics.store(activeCount, 0, n);
      Atomics.store(activeCount, 1, WARMUP_LIMIT);
    });
    Atomics.store(activeCount, 1, PRIME_LIMIT);
    let expected = -1;
    for (let round = 0; round < input.repeat; round++) {
      for (let k = 1; k <= n; k++) {
        checkBudget(`at ${k} worker${k === 1 ? '' : 's'}, run ${round + 1} of ${input.repeat}`);
        const { ms, stats } = crew.runOnce(() => Atomics.store(activeCount, 0, k));
        const primes = stats.reduce((a, b) => a + b, 0);
        if (expected < 0) expected = primes;
        else if (primes !== expected) throw new Error(`${k} workers counted ${primes} primes, 1 worker ${expected}: the split lost work`);
        best[k - 1] = Math.min(best[k - 1]!, ms / 1000);
        seconds[k - 1]!.push(ms / 1000);
        progress(`${k} worker${k === 1 ? '' : 's'}, run ${round + 1} of ${input.repeat}: ${ms.toFixed(0)} ms`);
      }
    }
  } finally {
    await crew.close();
  }
  const points = speedupPoints(best).map((p, i) => ({ ...p, spread: spreadOf(seconds[i]!, 's') }));
  const serialFraction = fitSerialFraction(points, cores);

  checkBudget('before the start-up costs');
  const worker = await workerStartMs();
  progress(`worker_thread start + exit: ${worker.toFixed(1)} ms`);
  const child = await spawnMs();
  progress(`spawn + reap ${spawnCommand().label}: ${child.toFixed(1)} ms`);
  checkBudget('before the IO-bound variant');
  const io: { concurrency: number; seconds: number }[] = [];
  for (const c of IO_CONCURRENCY) io.push({ concurrency: c, seconds: await ioRun(c) });
  progress(`IO-bound: ${IO_WAITS} × ${IO_WAIT_MS} ms waits at concurrency ${IO_CONCURRENCY.join(', ')}`);

  post({
    type: 'result',
    result: {
      kind: 'speedup',
      points,
      serialFraction,
      cores,
      workerStartMs: worker,
      spawnMs: child,
      spawnCommand: spawnCommand().label,
      io,
      ...widestSpread(points.map((p) => ({ figure: `seconds with ${p.workers} worker${p.workers === 1 ? '' : 's'}`, spread: p.spread }))),
    },
  });
}

const input = envelopeFor<SpeedupInput | CrewThreadData<SpeedupTask>['input']>('speedup', workerData);
if (parentPort && input) {
  const port = parentPort;
  if (isCrewThread<SpeedupTask>(input)) {
    const activeCount = new Int32Array(input.task.active);
    serveCrew(input, () => {
      const k = Atomics.load(activeCount, 0);
      return input.index < k ? countPrimesShare(Atomics.load(activeCount, 1), input.index, k) : 0;
    });
  } else {
    coordinate(input, port).catch((e: unknown) => {
      const budget = e instanceof BudgetExceeded;
      port.postMessage({ type: 'error', budget, message: budget ? (e as Error).message : `speedup failed: ${(e as Error).message}` } satisfies WorkerMessage);
    });
  }
}
