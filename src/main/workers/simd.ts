/**
 * Vectorization, for real (worker_thread): a sum and saxpy (z = a·x + y) over float32 arrays
 * from L1-sized to RAM-sized, four ways — a plain JS loop, a callback per element (`reduce` /
 * `map`, the "apply" analogue), and the wasm module's scalar and `f32x4` kernels. Every
 * implementation works on the same bytes (Float32Array views of the wasm memory). Each cell
 * is repeated until one batch takes ≥ 4 ms, best of 3 batches; GB/s = bytes loaded and stored
 * per call / s / 10⁹. Checksums are compared with a float64 reference to 10⁻⁶ × Σ|terms|.
 */
import { spreadOf, widestSpread } from '../../shared/reliability';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { SimdImpl, SimdMeasurement, SimdMeasuredKernel } from '../../shared/api';
import { fillData, instantiateKernels, jsLoopSaxpy, jsLoopSum, jsMapSaxpy, jsMapSum, sumF64, type KernelExports } from '../wasm/kernels';
import { BUDGET_EXCEEDED, envelopeFor, type SimdInput, type WorkerMessage } from './protocol';

export const SAXPY_A = 2.5;
const BATCH_MS = 4;
const IMPLS: readonly SimdImpl[] = ['js-loop', 'js-map', 'wasm-scalar', 'wasm-simd'];
const KERNELS: readonly SimdMeasuredKernel[] = ['sum', 'saxpy'];

/** Untimed calls before sizing the batches: enough for V8's optimizing tiers to step in. */
const WARM_MS = 20;

/** Best ms per call of `fn`: batches doubled until one takes ≥ BATCH_MS, then best of 3. */
export function msPerCall(fn: () => void): number {
  return msPerCallSamples(fn).best;
}

/** As msPerCall, with the ms per call of each of the 3 timed batches; warms up for WARM_MS first. */
export function msPerCallSamples(fn: () => void): { best: number; samples: number[] } {
  const warmStart = performance.now();
  for (let i = 0; i < 1_000_000 && performance.now() - warmStart < WARM_MS; i++) fn();
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    const dt = performance.now() - t0;
    if (dt >= BATCH_MS || reps >= 1 << 24) break;
    reps = dt <= 0 ? reps * 16 : Math.min(reps * 16, Math.max(reps * 2, Math.ceil((reps * BATCH_MS * 1.2) / dt)));
  }
  let best = Infinity;
  const samples: number[] = [];
  for (let b = 0; b < 3; b++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    samples.push((performance.now() - t0) / reps);
    best = Math.min(best, samples[b]!);
  }
  return { best, samples };
}

/** The arrays of one run: views into the wasm memory, sized for the largest array. */
export interface Arena {
  readonly k: KernelExports;
  readonly maxBytes: number;
}

/** Instantiates the module and grows its memory for x, y and z of `maxBytes` each, filled once. */
export async function makeArena(maxBytes: number): Promise<Arena> {
  const k = await instantiateKernels();
  const need = Math.ceil((3 * maxBytes + 64) / 65536);
  const have = k.memory.buffer.byteLength / 65536;
  if (need > have) k.memory.grow(need - have);
  fillData(new Float32Array(k.memory.buffer, 0, maxBytes / 4), 1);
  fillData(new Float32Array(k.memory.buffer, maxBytes, maxBytes / 4), 2);
  return { k, maxBytes };
}

/** Measures one kernel × implementation at `bytes` per array. */
export function measureCell(arena: Arena, kernel: SimdMeasuredKernel, impl: SimdImpl, bytes: number): SimdMeasurement {
  const { k, maxBytes } = arena;
  const n = bytes / 4;
  const [px, py, pz] = [0, maxBytes, 2 * maxBytes];
  const x = new Float32Array(k.memory.buffer, px, n);
  const y = new Float32Array(k.memory.buffer, py, n);
  const z = new Float32Array(k.memory.buffer, pz, n);
  let checksum = 0;
  let fn: () => void;
  if (kernel === 'sum') {
    const run = impl === 'js-loop' ? () => jsLoopSum(x) : impl === 'js-map' ? () => jsMapSum(x) : impl === 'wasm-scalar' ? () => k.sum_scalar(px, n) : () => k.sum_simd(px, n);
    fn = () => void (checksum = run());
  } else {
    fn =
      impl === 'js-loop'
        ? () => jsLoopSaxpy(SAXPY_A, x, y, z)
        : impl === 'js-map'
          ? () => jsMapSaxpy(SAXPY_A, x, y, z)
          : impl === 'wasm-scalar'
            ? () => k.saxpy_scalar(SAXPY_A, px, py, pz, n)
            : () => k.saxpy_simd(SAXPY_A, px, py, pz, n);
  }
  if (kernel === 'saxpy') z.fill(0);
  fn(); // warm up (JIT, page faults) and the checksum run
  if (kernel === 'saxpy') checksum = sumF64(z);
  const { best: ms, samples } = msPerCallSamples(fn);
  const { reference, scale } = kernel === 'sum' ? sumReference(x) : saxpyReference(x, y);
  const tolerance = 1e-6 * scale + 1e-12;
  const bytesMoved = kernel === 'sum' ? bytes : 3 * bytes;
  return {
    kernel,
    impl,
    bytes,
    n,
    bytesMoved,
    ms,
    gbps: ms > 0 ? bytesMoved / (ms / 1000) / 1e9 : 0,
    checksum,
    reference,
    tolerance,
    agrees: Math.abs(checksum - reference) <= tolerance,
    spread: spreadOf(samples, 'ms'),
  };
}

function sumReference(x: Float32Array): { reference: number; scale: number } {
  let s = 0;
  let a = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i]!;
    a += Math.abs(x[i]!);
  }
  return { reference: s, scale: a };
}

/** Σ (a·x + y) in float64, and Σ(|a·x| + |y|). */
function saxpyReference(x: Float32Array, y: Float32Array): { reference: number; scale: number } {
  let s = 0;
  let a = 0;
  for (let i = 0; i < x.length; i++) {
    s += SAXPY_A * x[i]! + y[i]!;
    a += Math.abs(SAXPY_A * x[i]!) + Math.abs(y[i]!);
  }
  return { reference: s, scale: a };
}

const label = (b: number) => (b >= 1024 ** 2 ? `${b / 1024 ** 2} MiB` : b >= 1024 ? `${b / 1024} KiB` : `${b} B`);

async function measureAll(input: SimdInput, port: NonNullable<typeof parentPort>): Promise<void> {
  const t0 = performance.now();
  const arena = await makeArena(Math.max(...input.sizes));
  const results: SimdMeasurement[] = [];
  const total = input.sizes.length * KERNELS.length * IMPLS.length;
  for (const bytes of input.sizes) {
    for (const kernel of KERNELS) {
      for (const impl of IMPLS) {
        if (performance.now() - t0 > input.budgetMs) throw new Error(`${BUDGET_EXCEEDED}: ${input.budgetMs} ms spent after ${results.length} of ${total} cells`);
        const cell = measureCell(arena, kernel, impl, bytes);
        results.push(cell);
        port.postMessage({ type: 'progress', fraction: results.length / total, message: `${kernel} ${impl} on ${label(bytes)}: ${cell.gbps.toFixed(2)} GB/s` } satisfies WorkerMessage);
      }
    }
  }
  const worst = widestSpread(results.map((r) => ({ figure: `ms per call: ${r.kernel} ${r.impl} on ${label(r.bytes)}`, spread: r.spread })));
  port.postMessage({ type: 'result', result: { kind: 'simd', results, ...worst } } satisfies WorkerMessage);
}

const input = envelopeFor<SimdInput>('simd', workerData);
if (parentPort && input) {
  const port = parentPort;
  measureAll(input, port).catch((e: unknown) => {
    const message = (e as Error).message;
    port.postMessage({ type: 'error', budget: message.startsWith(BUDGET_EXCEEDED), message: message.startsWith(BUDGET_EXCEEDED) ? message : `simd failed: ${message}` } satisfies WorkerMessage);
  });
}
