/**
 * The memory mountain (worker_thread): read bandwidth over working set × stride. For every
 * power of two from 4 KiB to maxBytes, a Float64Array of that size is read with a loop that
 * sums every stride-th element; each cell repeats the pass until it has run ~2 ms and keeps
 * the best of 3. GB/s counts the bytes actually read (elements read × 8), so a stride that
 * skips most of each cache line shows the line traffic wasted on the elements it skips.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MemoryLatencyPoint, MemoryMountainPoint } from '../../shared/api';
import { spreadOf } from '../../shared/reliability';
import { BUDGET_EXCEEDED, envelopeFor, type MemoryMountainInput, type WorkerMessage } from './protocol';
import { buildCycle, chaseSteps, timedNs, workingSets } from './pointerChase';
import { formatBytes } from '../../sim/core/format';

export const ELEMENT_BYTES = Float64Array.BYTES_PER_ELEMENT;
export const DEFAULT_STRIDES: readonly number[] = [1, 2, 4, 8, 16, 32];
/** Each timed sample lasts at least this long (the clock's resolution is far below it). */
const SAMPLE_NS = 2e6;
/** Passes per sample never exceed this, so a huge set at a large stride stays bounded. */
const MAX_PASSES = 1 << 20;
const SAMPLES = 3;

/** Elements a pass over `length` elements at `stride` reads: ⌈length / stride⌉. */
export function elementsRead(length: number, stride: number): number {
  return Math.ceil(length / stride);
}

/**
 * Sums a[0], a[stride], a[2·stride], … with four accumulators, so the adds do not wait on
 * each other and the loop is limited by the loads, not by the add latency.
 */
export function sumStride(a: Float64Array, stride: number): number {
  const n = a.length;
  const stride2 = 2 * stride;
  const stride3 = 3 * stride;
  const step4 = 4 * stride;
  const limit = n - stride3;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < limit; i += step4) {
    s0 += a[i]!;
    s1 += a[i + stride]!;
    s2 += a[i + stride2]!;
    s3 += a[i + stride3]!;
  }
  for (; i < n; i += stride) s0 += a[i]!;
  return s0 + s1 + s2 + s3;
}

/** Best-of-SAMPLES GB/s of reading `a` at `stride`; adds each pass's sum to `sink`. */
function measureCell(a: Float64Array, stride: number, sink: { sum: number }): { gbPerS: number; samples: number[] } {
  sink.sum += sumStride(a, stride); // warm: brings the set into whatever cache holds it
  const t0 = process.hrtime.bigint();
  sink.sum += sumStride(a, stride);
  const oneNs = Math.max(1, Number(process.hrtime.bigint() - t0));
  const passes = Math.min(MAX_PASSES, Math.max(1, Math.ceil(SAMPLE_NS / oneNs)));
  let bestNs = Infinity;
  const bytes = elementsRead(a.length, stride) * ELEMENT_BYTES;
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = process.hrtime.bigint();
    for (let p = 0; p < passes; p++) sink.sum += sumStride(a, stride);
    const ns = Number(process.hrtime.bigint() - start) / passes;
    samples.push(bytes / Math.max(ns, 1e-3));
    bestNs = Math.min(bestNs, ns);
  }
  return { gbPerS: bytes / Math.max(bestNs, 1e-3), samples }; // bytes per ns = GB/s
}

/** The quick chase's largest working set: past most caches, cheap to build. */
const CHASE_MAX = 64 * 1024 * 1024;
const CHASE_STEPS = 2 ** 19;

/**
 * A quick dependent-load chase beside the mountain (sets up to min(maxBytes, 64 MiB), best of 2),
 * so the prediction has this machine's own latencies and, where the OS reports no caches, its
 * plateaus give the levels. Same kernel as the Latency Ladder's chase.
 */
export function quickChase(maxBytes: number, sink: { sum: number }): MemoryLatencyPoint[] {
  const points: MemoryLatencyPoint[] = [];
  sink.sum += chaseSteps(buildCycle(4096), 0, 2 ** 18); // JIT warm-up
  for (const bytes of workingSets(Math.min(maxBytes, CHASE_MAX))) {
    const a = buildCycle(bytes);
    sink.sum += chaseSteps(a, 0, Math.min(CHASE_STEPS, bytes / 64));
    let best = Infinity;
    for (let r = 0; r < 2; r++) {
      const cpu0 = process.cpuUsage();
      const start = process.hrtime.bigint();
      sink.sum += chaseSteps(a, 0, CHASE_STEPS);
      best = Math.min(best, timedNs(Number(process.hrtime.bigint() - start) / CHASE_STEPS, process.cpuUsage(cpu0), CHASE_STEPS));
    }
    points.push({ bytes, ns: Math.round(best * 1000) / 1000 });
  }
  return points;
}

function run(input: MemoryMountainInput, post: (m: WorkerMessage) => void): void {
  const sizes = workingSets(input.maxBytes);
  const t0 = process.hrtime.bigint();
  const elapsedMs = (): number => Number(process.hrtime.bigint() - t0) / 1e6;
  const points: MemoryMountainPoint[] = [];
  const sink = { sum: 0 };
  // Let the JIT optimise sumStride before the first (smallest, fastest) cells are timed.
  const warm = new Float64Array(4096).fill(1);
  for (let i = 0; i < 2000; i++) for (const stride of input.strides) sink.sum += sumStride(warm, stride);
  let lastSizeMs = 0;
  let peak = { gbPerS: -1, samples: [] as number[], bytes: 0, stride: 0 };
  for (const [i, bytes] of sizes.entries()) {
    // Twice the set takes at least about twice as long; stop before starting what cannot fit.
    if (elapsedMs() + lastSizeMs * 2 > input.budgetMs) {
      post({ type: 'error', budget: true, message: `${BUDGET_EXCEEDED}: ${input.budgetMs} ms would be exceeded at ${formatBytes(bytes)} (${i} of ${sizes.length} working sets done)` });
      return;
    }
    const start = elapsedMs();
    const a = new Float64Array(bytes / ELEMENT_BYTES);
    for (let k = 0; k < a.length; k++) a[k] = k & 7; // touch every page, so none is first faulted in while timed
    let stride1 = 0;
    for (const stride of input.strides) {
      const { gbPerS, samples } = measureCell(a, stride, sink);
      if (gbPerS > peak.gbPerS) peak = { gbPerS, samples, bytes, stride };
      if (stride === input.strides[0]) stride1 = gbPerS;
      points.push({ bytes, stride, gbPerS: Math.round(gbPerS * 1000) / 1000 });
      if (elapsedMs() > input.budgetMs) {
        post({ type: 'error', budget: true, message: `${BUDGET_EXCEEDED}: ${input.budgetMs} ms passed at ${formatBytes(bytes)} (${i} of ${sizes.length} working sets done)` });
        return;
      }
    }
    lastSizeMs = elapsedMs() - start;
    post({ type: 'progress', fraction: (i + 1) / sizes.length, message: `${formatBytes(bytes)}: ${stride1.toFixed(1)} GB/s at stride ${input.strides[0]}` });
  }
  post({ type: 'progress', fraction: 1, message: 'a quick pointer chase for the prediction’s latencies' });
  const chase = quickChase(input.maxBytes, sink);
  const spread = spreadOf(peak.samples, 'GB/s');
  post({ type: 'result', result: { kind: 'memory-mountain', points, chase, checksum: sink.sum, spread, spreadFigure: `GB/s at the peak (${formatBytes(peak.bytes)}, stride ${peak.stride})` } });
}

const input = envelopeFor<MemoryMountainInput>('memory-mountain', workerData);
if (parentPort && input) {
  const port = parentPort;
  try {
    run(input, (m) => port.postMessage(m));
  } catch (e) {
    port.postMessage({ type: 'error', budget: false, message: `memory mountain failed: ${(e as Error).message}` } satisfies WorkerMessage);
  }
}
