/**
 * Measured GB/s of the real run as bar rows (one group per array size), each with the
 * model's prediction for the matching style as a mark: js-loop and wasm-scalar → compiled
 * scalar, js-map → interpreted (a call per element), wasm-simd → SIMD at 4 lanes (f32x4).
 */
import type { MachineModel } from '../../../sim/hardware/types';
import { runKernel, type Style } from '../../../sim/simd/simd';
import type { SimdImpl, SimdMeasuredKernel, SimdMeasurement } from '../../../shared/api';
import type { LogBar } from './charts';

export const IMPLS: readonly SimdImpl[] = ['js-map', 'js-loop', 'wasm-scalar', 'wasm-simd'];
export const MODEL_STYLE: Record<SimdImpl, Style> = { 'js-loop': 'scalar', 'js-map': 'interpreted', 'wasm-scalar': 'scalar', 'wasm-simd': 'simd' };

/** The model's GB/s for an implementation at `bytes` per array (bytes moved / modelled time). */
export function modelGbps(kernel: SimdMeasuredKernel, impl: SimdImpl, bytes: number, machine: MachineModel): number {
  const r = runKernel({ kernel, n: bytes / 4, width: 4, style: MODEL_STYLE[impl], machine });
  return r.ns > 0 ? r.bytes / r.ns : 0;
}

export function sizeLabel(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${bytes / 1024 ** 2} MiB` : bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} B`;
}

/** Rows for one kernel, sizes ascending, implementations slowest-first; gaps before each new size. */
export function realRunBars(results: readonly SimdMeasurement[], kernel: SimdMeasuredKernel, machine: MachineModel): { bars: LogBar[]; gaps: number[]; sizes: number[] } {
  const sizes = [...new Set(results.filter((r) => r.kernel === kernel).map((r) => r.bytes))].sort((a, b) => a - b);
  const bars: LogBar[] = [];
  const gaps: number[] = [];
  for (const bytes of sizes) {
    gaps.push(bars.length);
    for (const impl of IMPLS) {
      const r = results.find((x) => x.kernel === kernel && x.bytes === bytes && x.impl === impl);
      if (!r) continue;
      const first = gaps.at(-1) === bars.length;
      bars.push({ id: `${kernel}.${impl}.${bytes}`, label: impl, value: r.gbps, mark: modelGbps(kernel, impl, bytes, machine), className: impl, ...(first ? { group: `${sizeLabel(bytes)} arrays` } : {}) });
    }
  }
  return { bars, gaps, sizes };
}

/** wasm-simd GB/s ÷ wasm-scalar GB/s at one size, or null when either is missing. */
export function simdRatio(results: readonly SimdMeasurement[], kernel: SimdMeasuredKernel, bytes: number): number | null {
  const of = (impl: SimdImpl) => results.find((x) => x.kernel === kernel && x.bytes === bytes && x.impl === impl)?.gbps;
  const simd = of('wasm-simd');
  const scalar = of('wasm-scalar');
  return simd !== undefined && scalar !== undefined && scalar > 0 ? simd / scalar : null;
}
