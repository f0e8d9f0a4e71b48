/**
 * The real run's kernels: a WebAssembly module built as bytes here (emit.ts), with a scalar and
 * an `f32x4` SIMD version of a sum and of saxpy (out of place: z = a·x + y, so a repeated run
 * gives the same output), and the JS loop, the JS `map`/`reduce` ("apply") versions and the
 * float32 references the checksums are compared with.
 *
 * Pointers are byte offsets into the module's memory; n counts float32 elements.
 */
import { emitModule, F32, I32, sleb, V128, type FuncDef } from './emit';

/** Instruction bytes (WebAssembly core 2.0 + fixed-width SIMD). */
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (i: number) => [0x20, i],
  set: (i: number) => [0x21, i],
  i32: (v: number) => [0x41, ...sleb(v)],
  i32Add: [0x6a],
  i32And: [0x71],
  i32Shl: [0x74],
  i32GeU: [0x4f],
  f32Load: [0x2a, 0x02, 0x00],
  f32Store: [0x38, 0x02, 0x00],
  f32Zero: [0x43, 0, 0, 0, 0],
  f32Add: [0x92],
  f32Mul: [0x94],
  v128Load: [0xfd, 0x00, 0x04, 0x00],
  v128Store: [0xfd, 0x0b, 0x04, 0x00],
  v128Zero: [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  f32x4Splat: [0xfd, 0x13],
  f32x4Extract: (lane: number) => [0xfd, 0x1f, lane],
  f32x4Add: [0xfd, 0xe4, 0x01],
  f32x4Mul: [0xfd, 0xe6, 0x01],
};

/** `while (p < end) { body; p += step }` with p and end locals. */
function whileBelow(p: number, end: number, step: number, body: number[], extra: number[] = []): number[] {
  return [
    ...op.block, ...op.loop,
    ...op.get(p), ...op.get(end), ...op.i32GeU, ...op.brIf(1),
    ...body,
    ...op.get(p), ...op.i32(step), ...op.i32Add, ...op.set(p),
    ...extra,
    ...op.br(0), ...op.end, ...op.end,
  ];
}

/** local = base + (count << 2), count optionally rounded down to a multiple of 4. */
function endOf(local: number, base: number, count: number, multipleOf4: boolean): number[] {
  return [...op.get(base), ...op.get(count), ...(multipleOf4 ? [...op.i32(-4), ...op.i32And] : []), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.set(local)];
}

// sum(p, n) -> f32. Locals: 0 p, 1 n, 2 end, 3 s | simd: 2 end, 3 s, 4 end4, 5 acc.
const sumScalar: FuncDef = {
  name: 'sum_scalar',
  params: [I32, I32],
  results: [F32],
  locals: [I32, F32],
  body: [...endOf(2, 0, 1, false), ...whileBelow(0, 2, 4, [...op.get(3), ...op.get(0), ...op.f32Load, ...op.f32Add, ...op.set(3)]), ...op.get(3)],
};

// Four vector accumulators (16 elements an iteration) so that the adds do not wait on each
// other's latency, as the model assumes; then (acc0 + acc1) + (acc2 + acc3), a horizontal add,
// and a scalar tail for the last N mod 16 elements. Locals: 2 end, 3 s, 4 end16, 5..8 acc0..3.
const accumulate = (acc: number, offset: number): number[] => [...op.get(acc), ...op.get(0), 0xfd, 0x00, 0x04, offset, ...op.f32x4Add, ...op.set(acc)];
const sumSimd: FuncDef = {
  name: 'sum_simd',
  params: [I32, I32],
  results: [F32],
  locals: [I32, F32, I32, V128, V128, V128, V128],
  body: [
    ...endOf(2, 0, 1, false),
    ...op.get(0), ...op.get(1), ...op.i32(-16), ...op.i32And, ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.set(4),
    ...[5, 6, 7, 8].flatMap((acc) => [...op.v128Zero, ...op.set(acc)]),
    ...whileBelow(0, 4, 64, [...accumulate(5, 0), ...accumulate(6, 16), ...accumulate(7, 32), ...accumulate(8, 48)]),
    ...op.get(5), ...op.get(6), ...op.f32x4Add, ...op.get(7), ...op.get(8), ...op.f32x4Add, ...op.f32x4Add, ...op.set(5),
    // Horizontal add: ((l0 + l1) + l2) + l3, then the scalar tail.
    ...op.get(5), ...op.f32x4Extract(0), ...op.get(5), ...op.f32x4Extract(1), ...op.f32Add,
    ...op.get(5), ...op.f32x4Extract(2), ...op.f32Add, ...op.get(5), ...op.f32x4Extract(3), ...op.f32Add, ...op.set(3),
    ...whileBelow(0, 2, 4, [...op.get(3), ...op.get(0), ...op.f32Load, ...op.f32Add, ...op.set(3)]),
    ...op.get(3),
  ],
};

// saxpy(a, x, y, z, n): z[i] = a·x[i] + y[i]. Locals: 0 a, 1 x, 2 y, 3 z, 4 n, 5 end | simd: 6 end4, 7 va.
const bump = (locals: number[], step: number): number[] => locals.flatMap((l) => [...op.get(l), ...op.i32(step), ...op.i32Add, ...op.set(l)]);
const saxpyScalarBody = [...op.get(3), ...op.get(0), ...op.get(1), ...op.f32Load, ...op.f32Mul, ...op.get(2), ...op.f32Load, ...op.f32Add, ...op.f32Store];

const saxpyScalar: FuncDef = {
  name: 'saxpy_scalar',
  params: [F32, I32, I32, I32, I32],
  results: [],
  locals: [I32],
  body: [...endOf(5, 1, 4, false), ...whileBelow(1, 5, 4, saxpyScalarBody, bump([2, 3], 4))],
};

const saxpySimd: FuncDef = {
  name: 'saxpy_simd',
  params: [F32, I32, I32, I32, I32],
  results: [],
  locals: [I32, I32, V128],
  body: [
    ...endOf(5, 1, 4, false),
    ...endOf(6, 1, 4, true),
    ...op.get(0), ...op.f32x4Splat, ...op.set(7),
    ...whileBelow(1, 6, 16, [...op.get(3), ...op.get(7), ...op.get(1), ...op.v128Load, ...op.f32x4Mul, ...op.get(2), ...op.v128Load, ...op.f32x4Add, ...op.v128Store], bump([2, 3], 16)),
    ...whileBelow(1, 5, 4, saxpyScalarBody, bump([2, 3], 4)),
  ],
};

/** The module's bytes: one growable memory (1 page to start) and the four kernels. */
export function kernelModuleBytes(): Uint8Array {
  return emitModule([sumScalar, sumSimd, saxpyScalar, saxpySimd], 1);
}

/** The part of the WebAssembly JS API used here (Node's types for the main layer have no DOM lib). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }>;
}
/** The runtime's WebAssembly object (V8 has it in Node, Electron and browsers alike). */
export const wasmApi = (): WasmApi => (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export interface KernelExports {
  readonly memory: WasmMemory;
  sum_scalar(p: number, n: number): number;
  sum_simd(p: number, n: number): number;
  saxpy_scalar(a: number, x: number, y: number, z: number, n: number): void;
  saxpy_simd(a: number, x: number, y: number, z: number, n: number): void;
}

/** Validates and instantiates the module; throws when this runtime has no wasm SIMD. */
export async function instantiateKernels(): Promise<KernelExports> {
  const bytes = kernelModuleBytes();
  const wasm = wasmApi();
  if (!wasm.validate(bytes)) throw new Error('the generated wasm module does not validate (no SIMD support in this runtime?)');
  const { instance } = await wasm.instantiate(bytes);
  return instance.exports as unknown as KernelExports;
}

/** Deterministic data in [−1, 1), rounded to float32: a 32-bit LCG (Numerical Recipes). */
export function fillData(target: Float32Array, seed: number): void {
  let s = seed >>> 0;
  for (let i = 0; i < target.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    target[i] = s / 2 ** 31 - 1;
  }
}

/** float32 sum in element order (what sum_scalar computes). */
export function sumF32Sequential(a: Float32Array, n = a.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s = Math.fround(s + a[i]!);
  return s;
}

/**
 * float32 sum in the SIMD kernel's order: 16 running sums (4 registers × 4 lanes), lane j of
 * the result (s[j] + s[4+j]) + (s[8+j] + s[12+j]), then ((l0 + l1) + l2) + l3, then the tail.
 */
export function sumF32Lanes(a: Float32Array, n = a.length): number {
  const f = Math.fround;
  const lanes = new Array<number>(16).fill(0);
  const n16 = n & ~15;
  for (let i = 0; i < n16; i += 16) for (let j = 0; j < 16; j++) lanes[j] = f(lanes[j]! + a[i + j]!);
  const v = [0, 1, 2, 3].map((j) => f(f(lanes[j]! + lanes[4 + j]!) + f(lanes[8 + j]! + lanes[12 + j]!)));
  let s = f(f(f(v[0]! + v[1]!) + v[2]!) + v[3]!);
  for (let i = n16; i < n; i++) s = f(s + a[i]!);
  return s;
}

/** float32 saxpy, both operations rounded (what both wasm kernels compute, element by element). */
export function saxpyF32(a: number, x: Float32Array, y: Float32Array, z: Float32Array): void {
  const af = Math.fround(a);
  for (let i = 0; i < x.length; i++) z[i] = Math.fround(Math.fround(af * x[i]!) + y[i]!);
}

/** Σ in float64 (the exact-enough reference and the saxpy checksum). */
export function sumF64(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/** Σ|a[i]|, in float64: the scale of the tolerance. */
export function sumAbs(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]!);
  return s;
}

/** A plain JS loop (float64 arithmetic, as JS numbers are). */
export function jsLoopSum(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

export function jsLoopSaxpy(a: number, x: Float32Array, y: Float32Array, z: Float32Array): void {
  for (let i = 0; i < x.length; i++) z[i] = a * x[i]! + y[i]!;
}

/** A callback per element, the "apply" analogue: `reduce` for the sum. */
export function jsMapSum(a: Float32Array): number {
  return a.reduce((s, v) => s + v, 0);
}

/** A callback per element, the "apply" analogue: `map` for saxpy (a new array each call). */
export function jsMapSaxpy(a: number, x: Float32Array, y: Float32Array, z: Float32Array): void {
  z.set(x.map((v, i) => a * v + y[i]!));
}
