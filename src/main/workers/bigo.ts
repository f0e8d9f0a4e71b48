/**
 * The Big O, for real (worker_thread): JavaScript's own structures doing n operations, n = 1000,
 * 2000, 4000, … up to maxN — push vs unshift vs shift on an Array, a ring-buffer deque, string
 * `+=` vs `join`, anagram by sort vs by count. Each point is run `repeats` times (median, with
 * min and max as the spread); a cell stops doubling once a run takes over {@link STOP_MS}.
 * Every run's checksum is compared with the one worked out for n. The machine's load is read
 * before and after (the shared reliability shape).
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { BigOMeasuredCellResult, BigOMeasuredPoint } from '../../shared/api';
import { watchLoad } from '../services/hostLoad';
import { logLogSlope } from '../../sim/bigo/costs';
import { BIGO_CELLS, expectedChecksum, prepareCell, type BigOCell } from './bigoKernels';
import { BUDGET_EXCEEDED, envelopeFor, type BigOInput, type WorkerMessage } from './protocol';

/** A cell stops doubling after a run this long, ms (an O(n²) cell at 10⁶ would take minutes). */
export const STOP_MS = 400;
/** Points faster than this are left out of the fit (batches make them measurable, but call overheads dominate), ms. */
export const FIT_MIN_MS = 0.01;

/** The model's log-log slope for the same work in CPython (src/sim/bigo: cost curves, counts). */
export const MODEL_SLOPE: Record<BigOCell, number> = {
  push: 1,
  unshift: 2,
  shift: 2,
  'ring-deque': 1,
  'string-concat': 2,
  'string-join': 1,
  'anagram-sort': 1.1,
  'anagram-count': 1,
};

/** Where V8 is known to differ from the CPython model; said beside the measured slope. */
const V8_NOTES: Partial<Record<BigOCell, string>> = {
  'string-concat': 'V8 builds s += t as a rope (a tree of pieces) and copies once when the string is read, so += is about linear here; CPython copies the whole string on every + (unless it can resize in place).',
  shift: 'V8 can left-trim an array (move its start instead of its elements), so shift() costs O(1) while the array is small; a large array lives in large-object space, which is not trimmed, and shift() then moves every element — look for the jump in the chart. CPython\'s pop(0) always moves n − 1 slots.',
  unshift: 'V8 moves every element on unshift, like CPython\'s insert(0, x); it may keep spare room at the front for the next one.',
};

/**
 * Least-squares slope of log(ms) against log(n) over the large points: n ≥ the largest n / 16
 * (fixed costs bend the small ones) and ms ≥ {@link FIT_MIN_MS}. null with fewer than 2 such.
 */
export function fitSlope(points: readonly { n: number; ms: number }[]): number | null {
  const top = Math.max(0, ...points.map((p) => p.n));
  const pts = points.filter((p) => p.ms >= FIT_MIN_MS && p.n * 16 >= top);
  if (pts.length < 2) return null;
  return logLogSlope(pts.map((p) => ({ n: p.n, cost: p.ms })));
}

/** n = 1000, 2000, 4000, … ≤ maxN. */
export function sizesUpTo(maxN: number): number[] {
  const out: number[] = [];
  for (let n = 1000; n <= maxN; n *= 2) out.push(n);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A batch of runs lasts at least this long, so a fast point is not timer noise, ms. */
export const BATCH_MS = 2;

/**
 * Measures one point: `repeats` batches of the cell at n (a batch repeats a fast run until it
 * lasts {@link BATCH_MS}); ms per run of each batch gives the median and the spread. Inputs
 * are prepared outside the timing.
 */
export function measurePoint(cell: BigOCell, n: number, repeats: number): BigOMeasuredPoint {
  const want = expectedChecksum(cell, n);
  let checksum = 0;
  let agrees = true;
  const timeBatch = (reps: number): number => {
    const runs = Array.from({ length: reps }, () => prepareCell(cell, n));
    const t0 = performance.now();
    for (const run of runs) {
      checksum = run();
      if (checksum !== want) agrees = false;
    }
    return (performance.now() - t0) / reps;
  };
  const first = timeBatch(1);
  const reps = first >= BATCH_MS ? 1 : Math.min(4096, Math.ceil(BATCH_MS / Math.max(first, 0.001)));
  const samples = Array.from({ length: repeats }, () => timeBatch(reps));
  const ms = median(samples);
  return { n, ms, spread: { min: Math.min(...samples), median: ms, max: Math.max(...samples), repeats, unit: 'ms' }, checksum, agrees };
}

async function measureAll(input: BigOInput, port: NonNullable<typeof parentPort>): Promise<void> {
  const t0 = performance.now();
  const load = watchLoad();
  const sizes = sizesUpTo(input.maxN);
  const cells: BigOMeasuredCellResult[] = [];
  for (const [k, cell] of BIGO_CELLS.entries()) {
    // Warm the JIT on a small n, untimed.
    for (let w = 0; w < 20; w++) prepareCell(cell, 1000)();
    const points: BigOMeasuredPoint[] = [];
    let stoppedAt: string | null = null;
    for (const n of sizes) {
      if (performance.now() - t0 > input.budgetMs) throw new Error(`${BUDGET_EXCEEDED}: ${input.budgetMs} ms spent at ${cell}, n = ${n}`);
      const p = measurePoint(cell, n, input.repeats);
      points.push(p);
      port.postMessage({ type: 'progress', fraction: (k + (sizes.indexOf(n) + 1) / sizes.length) / BIGO_CELLS.length, message: `${cell} n = ${n}: ${p.ms.toFixed(2)} ms` } satisfies WorkerMessage);
      if (p.spread.max > STOP_MS && n < sizes.at(-1)!) {
        stoppedAt = `stopped after n = ${n}: one run took ${p.spread.max.toFixed(0)} ms (over ${STOP_MS} ms), so larger n were not run`;
        break;
      }
    }
    cells.push({ cell, points, slope: fitSlope(points), modelSlope: MODEL_SLOPE[cell], stoppedAt, note: V8_NOTES[cell] ?? null });
  }
  port.postMessage({ type: 'result', result: { kind: 'bigo', cells, load: load(), runtime: `node ${process.versions.node} (V8 ${process.versions.v8})` } } satisfies WorkerMessage);
}

const input = envelopeFor<BigOInput>('bigo', workerData);
if (parentPort && input) {
  const port = parentPort;
  measureAll(input, port).catch((e: unknown) => {
    const message = (e as Error).message;
    port.postMessage({ type: 'error', budget: message.startsWith(BUDGET_EXCEEDED), message: message.startsWith(BUDGET_EXCEEDED) ? message : `bigo failed: ${message}` } satisfies WorkerMessage);
  });
}
