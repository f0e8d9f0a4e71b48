/**
 * Dependent-load pointer chase (worker_thread). For every power of two from 4 KiB to
 * maxBytes: one random cycle (Sattolo) over the 64-byte lines of an Int32Array, then
 * `p = a[p]` a fixed number of times; each load depends on the previous one, so the time
 * per step is the load-to-use latency of wherever that working set lives.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MemoryLatencyPoint } from '../../shared/api';
import { spreadOf } from '../../shared/reliability';
import { BUDGET_EXCEEDED, envelopeFor, type PointerChaseInput, type WorkerMessage } from './protocol';
import { formatBytes } from '../../sim/core/format';

const LINE_INTS = 16; // 64-byte lines

export function workingSets(maxBytes: number): number[] {
  const sizes: number[] = [];
  for (let b = 4096; b <= maxBytes; b *= 2) sizes.push(b);
  return sizes;
}

/** One random cyclic permutation over the lines: a[line*16] holds the next line's index. */
export function buildCycle(bytes: number, random: () => number = Math.random): Int32Array {
  const a = new Int32Array(bytes / 4);
  const lines = bytes / 64;
  const order = new Int32Array(lines);
  for (let i = 0; i < lines; i++) order[i] = i;
  // Sattolo: j < i (never i itself) gives one cycle through every line.
  for (let i = lines - 1; i > 0; i--) {
    const j = Math.floor(random() * i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  for (let i = 0; i < lines; i++) a[i * LINE_INTS] = order[i]! * LINE_INTS;
  return a;
}

/** `steps` dependent loads `p = a[p]` from `start`; returns where it ended (so the loads are not dead code). */
export function chaseSteps(a: Int32Array, start: number, steps: number): number {
  let p = start;
  for (let i = 0; i < steps; i++) p = a[p]!;
  return p;
}

/**
 * ns per load of one repeat: the wall time, or the process's CPU time where that is less. On a
 * busy machine the thread is descheduled for part of a repeat and the wall clock counts that
 * time too; CPU time does not. The process's CPU time is at least this thread's (other threads
 * only add to it), and this thread ran every load, so the smaller of the two never reads below
 * the true latency. Where other threads are busy CPU time exceeds wall time and the wall wins.
 */
export function timedNs(wallNs: number, cpu: { user: number; system: number }, steps: number): number {
  const cpuNs = ((cpu.user + cpu.system) * 1000) / steps;
  return cpuNs > 0 ? Math.min(wallNs, cpuNs) : wallNs;
}

function run(input: PointerChaseInput, post: (m: WorkerMessage) => void): void {
  const sizes = workingSets(input.maxBytes);
  const steps = input.maxBytes <= 1024 * 1024 ? 2 ** 19 : 2 ** 21;
  const t0 = process.hrtime.bigint();
  const elapsedMs = (): number => Number(process.hrtime.bigint() - t0) / 1e6;
  const points: MemoryLatencyPoint[] = [];
  let checksum = 0;
  let lastNs = 0;
  // Let the JIT optimise chase() before the first (smallest, fastest) set is timed.
  checksum ^= chaseSteps(buildCycle(4096), 0, 2 ** 20);
  for (const [i, bytes] of sizes.entries()) {
    // Predict this size from the last one (it can only get slower) before allocating it.
    const predictedMs = (lastNs * steps * (input.repeats + 1)) / 1e6;
    if (elapsedMs() + predictedMs > input.budgetMs) {
      post({ type: 'error', budget: true, message: `${BUDGET_EXCEEDED}: ${input.budgetMs} ms would be exceeded at ${formatBytes(bytes)} (${points.length} of ${sizes.length} working sets done)` });
      return;
    }
    const a = buildCycle(bytes);
    checksum ^= chaseSteps(a, 0, Math.min(steps, bytes / 64)); // warm: touch every line once (or as many as steps)
    let best = Infinity;
    let bestWall = Infinity;
    const samples: number[] = [];
    for (let r = 0; r < input.repeats; r++) {
      const cpu0 = process.cpuUsage();
      const start = process.hrtime.bigint();
      const p = chaseSteps(a, 0, steps);
      const wallNs = Number(process.hrtime.bigint() - start) / steps;
      const ns = timedNs(wallNs, process.cpuUsage(cpu0), steps);
      if (wallNs < bestWall) bestWall = wallNs;
      checksum ^= p;
      samples.push(ns);
      if (ns < best) best = ns;
      if (elapsedMs() > input.budgetMs) {
        post({ type: 'error', budget: true, message: `${BUDGET_EXCEEDED}: ${input.budgetMs} ms passed at ${formatBytes(bytes)} (${points.length} of ${sizes.length} working sets done)` });
        return;
      }
    }
    lastNs = best;
    const spread = spreadOf(samples, 'ns');
    const point = { bytes, ns: Math.round(best * 1000) / 1000, wallNs: Math.round(bestWall * 1000) / 1000 };
    points.push(spread ? { ...point, spread } : point);
    post({ type: 'progress', fraction: (i + 1) / sizes.length, message: `${formatBytes(bytes)}: ${best.toFixed(2)} ns per load` });
  }
  const last = points[points.length - 1];
  post({ type: 'result', result: { kind: 'memory-latency', points, checksum, spread: last?.spread ?? null, spreadFigure: last ? `ns per load at ${formatBytes(last.bytes)}` : '' } });
}

const input = envelopeFor<PointerChaseInput>('pointer-chase', workerData);
if (parentPort && input) {
  const port = parentPort;
  try {
    run(input, (m) => port.postMessage(m));
  } catch (e) {
    port.postMessage({ type: 'error', budget: false, message: `pointer chase failed: ${(e as Error).message}` } satisfies WorkerMessage);
  }
}
