/**
 * Uncontended lock + unlock: Atomics.compareExchange 0→1 on a SharedArrayBuffer word, then
 * Atomics.store 0. No other thread touches it, so this is the floor of a mutex's cost.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { spreadOf } from '../../shared/reliability';
import { envelopeFor, type WorkerMessage } from './protocol';

export function lockUnlockNs(iterations: number): number {
  const lock = new Int32Array(new SharedArrayBuffer(4));
  let failures = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    if (Atomics.compareExchange(lock, 0, 0, 1) !== 0) failures++;
    Atomics.store(lock, 0, 0);
  }
  const ns = Number(process.hrtime.bigint() - start) / iterations;
  if (failures !== 0) throw new Error(`uncontended lock failed ${failures} times`);
  return ns;
}

const input = envelopeFor<Record<string, never>>('mutex-latency', workerData);
if (parentPort && input) {
  const port = parentPort;
  try {
    lockUnlockNs(1_000_000); // warm up (JIT)
    let best = Infinity;
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      runs.push(lockUnlockNs(10_000_000));
      best = Math.min(best, runs[r]!);
      port.postMessage({ type: 'progress', fraction: (r + 1) / 3, message: `run ${r + 1} of 3: ${best.toFixed(2)} ns per lock+unlock` } satisfies WorkerMessage);
    }
    port.postMessage({ type: 'result', result: { kind: 'mutex-latency', ns: Math.round(best * 1000) / 1000, spread: spreadOf(runs, 'ns'), spreadFigure: 'ns per lock+unlock' } } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({ type: 'error', budget: false, message: `mutex latency failed: ${(e as Error).message}` } satisfies WorkerMessage);
  }
}
