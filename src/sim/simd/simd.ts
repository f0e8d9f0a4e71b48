/**
 * Vectorization model: one core running a loop over N float32 elements in four styles.
 * Figures (documented defaults, used when the machine gives none):
 * - clock: `cpu.clockGHz`, else 3 GHz.
 * - FP add/mul/fma: latency 4 cycles, 2 per cycle on two FPU ports (scalar or vector alike);
 *   4 integer ALUs; loads 2 per cycle, stores 1 per cycle (Skylake/Zen-class ports; Agner
 *   Fog's instruction tables). Peak FLOP/s counts an FMA as 2 flops.
 * - memory path: L1 64 B/cycle, L2 32 B/cycle, L3 16 B/cycle; RAM `memory.bandwidth`, else
 *   20 GB/s. The level is the first data cache whose size holds the working set.
 * - interpreted: 50 ns per element (a CPython loop or `DataFrame.apply` on one row: boxing,
 *   dispatch, reference counting).
 * - branchy, scalar: a mispredict (`cpu.branchMispredict`, else 5 ns) on 50 % of elements
 *   (random signs); SIMD computes both sides and blends (a compare and a blend per vector).
 * - GPU: 4096 lanes at 1.5 GHz, 10 µs launch, PCIe 12 GB/s each way, 500 GB/s device memory.
 * Tail: N not a multiple of the width runs one last vector iteration with only `N mod width`
 * lanes enabled (a masked or padded vector), so N=10 at width 4 takes 2 full vector
 * iterations + 1 tail = 3. A sum ends with a horizontal add: the 4 accumulators are combined
 * (2 adds), then log2(width) shuffle+add steps, each an FP latency.
 */
import type { MachineModel } from '../hardware/types';

/** Loops the model knows: `c=a+b`, `s=Σa`, `y=a·x+y`, `c = a>0 ? 2a : −a`. */
export const KERNELS = ['add', 'sum', 'saxpy', 'branchy'] as const;
/** How the loop is executed. */
export const STYLES = ['interpreted', 'scalar', 'simd', 'gpu'] as const;
/** float32 lanes per SIMD register: 128, 256, 512 bits. */
export const WIDTHS = [4, 8, 16] as const;
/** One of {@link KERNELS}. */
export type Kernel = (typeof KERNELS)[number];
/** One of {@link STYLES}. */
export type Style = (typeof STYLES)[number];
/** One of {@link WIDTHS}: float32 lanes. */
export type Width = (typeof WIDTHS)[number];
/** Where a working set lives. */
export type MemoryLevel = 'L1' | 'L2' | 'L3' | 'RAM';

/** Clock in GHz when the machine gives none. */
export const DEFAULT_CLOCK_GHZ = 3;
/** Cycles from an FP op's inputs to its result. */
export const FP_LATENCY = 4;
/** FP (scalar or vector) instructions issued per cycle. */
export const FP_PER_CYCLE = 2;
/** Integer ALU instructions issued per cycle. */
export const ALU_PER_CYCLE = 4;
/** Loads (scalar or vector) per cycle. */
export const LOADS_PER_CYCLE = 2;
/** Stores (scalar or vector) per cycle. */
export const STORES_PER_CYCLE = 1;
/** Bytes per cycle from L1, L2, L3. */
export const L_BYTES_PER_CYCLE = [64, 32, 16] as const;
/** Bytes per second when the machine gives no RAM bandwidth. */
export const DEFAULT_RAM_BPS = 20e9;
/** Interpreter overhead per element, ns. */
export const INTERPRETED_NS = 50;
/** Branch mispredict in ns when the machine gives none (Dean/Norvig). */
export const DEFAULT_MISPREDICT_NS = 5;
/** Fraction of a branchy loop's elements whose branch is mispredicted (random signs). */
export const MISPREDICT_RATE = 0.5;
/** A discrete GPU: lanes, clock (GHz), launch (ns), PCIe and device bandwidth (bytes/s). */
export const GPU = { lanes: 4096, clockGHz: 1.5, launchNs: 10_000, pcieBps: 12e9, deviceBps: 500e9 } as const;

/** Per element: flops, FP instructions (an FMA is 1), integer ops, loads and stores of 4-byte floats. */
export interface KernelShape {
  readonly flops: number;
  readonly fpOps: number;
  readonly aluOps: number;
  readonly loads: number;
  readonly stores: number;
  /** The expression, for labels. */
  readonly text: string;
}

/** Each kernel's work per element. */
export const KERNEL_SHAPE: Record<Kernel, KernelShape> = {
  add: { flops: 1, fpOps: 1, aluOps: 2, loads: 2, stores: 1, text: 'c[i] = a[i] + b[i]' },
  sum: { flops: 1, fpOps: 1, aluOps: 2, loads: 1, stores: 0, text: 's += a[i]' },
  saxpy: { flops: 2, fpOps: 1, aluOps: 2, loads: 2, stores: 1, text: 'y[i] = a·x[i] + y[i]' },
  branchy: { flops: 1, fpOps: 1, aluOps: 3, loads: 1, stores: 1, text: 'c[i] = a[i] > 0 ? 2·a[i] : −a[i]' },
};

/** One loop to cost: kernel, N, width, style, machine. */
export interface KernelRun {
  readonly kernel: Kernel;
  /** Elements, ≥ 0. */
  readonly n: number;
  /** SIMD lanes (4, 8 or 16); only the `simd` style uses them. */
  readonly width: number;
  readonly style: Style;
  readonly machine: MachineModel;
}

/** The cost of one loop. Times in ns, rates per second, sizes in bytes. */
export interface KernelResult {
  /** CPU cycles at the machine's clock for the whole loop (GPU: its wall time in CPU cycles). */
  readonly cycles: number;
  /** Wall time, ns. */
  readonly ns: number;
  /** Lanes one instruction works on (1 scalar, the width for SIMD, up to 4096 on the GPU). */
  readonly lanesUsed: number;
  /** Loop iterations: N for scalar styles, ⌈N / width⌉ for SIMD (incl. the tail), GPU waves. */
  readonly iterations: number;
  /** SIMD: iterations with every lane busy (⌊N / width⌋). */
  readonly fullIterations: number;
  /** SIMD: lanes busy in the tail iteration (N mod width; 0 = no tail). */
  readonly tailLanes: number;
  readonly bound: 'compute' | 'memory';
  readonly flops: number;
  /** Bytes loaded and stored. */
  readonly bytes: number;
  /** flops / byte. */
  readonly arithmeticIntensity: number;
  /** flops / s achieved. */
  readonly achievedFlops: number;
  /** flops / s this style can reach at most (FMA = 2 flops). */
  readonly peakFlops: number;
  /** Bytes/s of the memory the data is streamed from (GPU: device memory). */
  readonly bandwidth: number;
  readonly level: MemoryLevel;
  /** Issue/latency-limited time, ns (incl. interpreter and mispredict costs). */
  readonly computeNs: number;
  /** Bandwidth-limited time, ns. */
  readonly memoryNs: number;
  /** GPU only: launch + PCIe copies, ns (0 for CPU styles). */
  readonly transferNs: number;
  /** Sum only: cycles of the horizontal add at the end (SIMD), else 0. */
  readonly reduceCycles: number;
}

/** The machine's clock in GHz, or {@link DEFAULT_CLOCK_GHZ}. */
export function clockGHz(machine: MachineModel): number {
  return machine.cpu.clockGHz?.value ?? DEFAULT_CLOCK_GHZ;
}

/** RAM bandwidth in bytes/s, or {@link DEFAULT_RAM_BPS}. */
export function ramBandwidth(machine: MachineModel): number {
  return machine.memory.bandwidth?.value ?? DEFAULT_RAM_BPS;
}

/** Where a working set of `bytes` lives and that level's bandwidth in bytes/s. */
export function memoryPath(machine: MachineModel, bytes: number): { level: MemoryLevel; bandwidth: number } {
  const ghz = clockGHz(machine);
  const data = machine.caches.filter((c) => c.type !== 'Instruction' && c.level <= 3).sort((a, b) => a.level - b.level);
  for (const c of data) {
    if (bytes <= c.sizeBytes) return { level: `L${c.level}` as MemoryLevel, bandwidth: (L_BYTES_PER_CYCLE[c.level - 1] ?? 16) * ghz * 1e9 };
  }
  return { level: 'RAM', bandwidth: ramBandwidth(machine) };
}

/** Peak flops/s of one core at `lanes` lanes: clock × FP ports × lanes × 2 (FMA). */
export function peakFlops(machine: MachineModel, lanes: number): number {
  return clockGHz(machine) * 1e9 * FP_PER_CYCLE * lanes * 2;
}

/** One bandwidth roof: its level, bytes/s, and the ridge (flops/byte where it meets the peak). */
export interface Roof {
  readonly level: MemoryLevel;
  readonly bandwidth: number;
  readonly ridge: number;
}

/** The roofline of one core at `width` lanes: the peak line and one bandwidth line per level. */
export function roofline(machine: MachineModel, width: number): { peakFlops: number; roofs: Roof[] } {
  const peak = peakFlops(machine, width);
  const roofs: Roof[] = [];
  const data = machine.caches.filter((c) => c.type !== 'Instruction' && c.level <= 3).sort((a, b) => a.level - b.level);
  for (const c of data) {
    const { level, bandwidth } = memoryPath(machine, c.sizeBytes);
    if (!roofs.some((r) => r.level === level)) roofs.push({ level, bandwidth, ridge: peak / bandwidth });
  }
  roofs.push({ level: 'RAM', bandwidth: ramBandwidth(machine), ridge: peak / ramBandwidth(machine) });
  return { peakFlops: peak, roofs };
}

/** The roofline's bound: min(peak, intensity × bandwidth), flops/s. */
export function attainable(intensity: number, peak: number, bandwidth: number): number {
  return Math.min(peak, intensity * bandwidth);
}

/** Bytes the kernel moves for N elements (4-byte floats, every load and store once). */
export function kernelBytes(kernel: Kernel, n: number): number {
  const s = KERNEL_SHAPE[kernel];
  return n * 4 * (s.loads + s.stores);
}

/** Cycles of a sum's final horizontal add at `width` lanes: combine 4 accumulators, then log2(width) steps. */
export function horizontalAddCycles(width: number): number {
  return FP_LATENCY * 2 + Math.log2(width) * FP_LATENCY;
}

function gpuRun(run: KernelRun, shape: KernelShape, flops: number, bytes: number, ghz: number): KernelResult {
  const { kernel, n } = run;
  const waves = Math.ceil(n / GPU.lanes);
  // A reduction tree: log2(lanes) rounds inside each wave, then one more round per doubling of waves.
  const reduceRounds = kernel === 'sum' && n > 1 ? Math.ceil(Math.log2(Math.min(n, GPU.lanes))) + Math.ceil(Math.log2(Math.max(1, waves))) : 0;
  const computeNs = ((waves * (shape.fpOps + (kernel === 'branchy' ? 2 : 0)) + reduceRounds * FP_LATENCY) / GPU.clockGHz);
  const memoryNs = (bytes / GPU.deviceBps) * 1e9;
  const inBytes = n * 4 * shape.loads;
  const outBytes = kernel === 'sum' ? 4 : n * 4 * shape.stores;
  const transferNs = GPU.launchNs + ((inBytes + outBytes) / GPU.pcieBps) * 1e9;
  const ns = transferNs + Math.max(computeNs, memoryNs);
  const peak = GPU.lanes * GPU.clockGHz * 1e9 * 2;
  return {
    cycles: Math.round(ns * ghz),
    ns,
    lanesUsed: Math.min(GPU.lanes, Math.max(n, 1)),
    iterations: waves,
    fullIterations: Math.floor(n / GPU.lanes),
    tailLanes: n % GPU.lanes,
    bound: transferNs + memoryNs >= computeNs ? 'memory' : 'compute',
    flops,
    bytes,
    arithmeticIntensity: bytes > 0 ? flops / bytes : 0,
    achievedFlops: ns > 0 ? (flops / ns) * 1e9 : 0,
    peakFlops: peak,
    bandwidth: GPU.deviceBps,
    level: 'RAM',
    computeNs,
    memoryNs,
    transferNs,
    reduceCycles: 0,
  };
}

/** The cost of one loop in one style on one machine. Pure: same inputs, same result. */
export function runKernel(run: KernelRun): KernelResult {
  const { kernel, n, style, machine } = run;
  const shape = KERNEL_SHAPE[kernel];
  const ghz = clockGHz(machine);
  const flops = n * shape.flops;
  const bytes = kernelBytes(kernel, n);
  if (style === 'gpu') return gpuRun(run, shape, flops, bytes, ghz);
  const lanes = style === 'simd' ? run.width : 1;
  const iterations = Math.ceil(n / lanes);
  const simd = style === 'simd';
  // Issue-limited cycles per iteration: FP ops, integer ops, loads and stores on their own ports.
  const fpOps = shape.fpOps + (kernel === 'branchy' && simd ? 2 : 0);
  const aluOps = kernel === 'branchy' && simd ? shape.aluOps - 1 : shape.aluOps;
  const perIter = Math.max(fpOps / FP_PER_CYCLE, aluOps / ALU_PER_CYCLE, shape.loads / LOADS_PER_CYCLE, shape.stores / STORES_PER_CYCLE);
  // A scalar sum has one accumulator: each add waits for the previous one (FP latency).
  // SIMD keeps FP_LATENCY vector accumulators in flight, so throughput decides.
  const chain = kernel === 'sum' && !simd ? FP_LATENCY : 0;
  const reduceCycles = kernel === 'sum' && simd && n > 0 ? horizontalAddCycles(lanes) : 0;
  const loopCycles = iterations * Math.max(perIter, chain) + reduceCycles;
  let computeNs = loopCycles / ghz;
  if (style === 'interpreted') computeNs += n * INTERPRETED_NS;
  if (kernel === 'branchy' && !simd) computeNs += n * MISPREDICT_RATE * (machine.cpu.branchMispredict?.value ?? DEFAULT_MISPREDICT_NS);
  const { level, bandwidth } = memoryPath(machine, bytes);
  const memoryNs = (bytes / bandwidth) * 1e9;
  const ns = Math.max(computeNs, memoryNs);
  return {
    cycles: Math.round(ns * ghz),
    ns,
    lanesUsed: lanes,
    iterations,
    fullIterations: Math.floor(n / lanes),
    tailLanes: n % lanes,
    bound: memoryNs > computeNs ? 'memory' : 'compute',
    flops,
    bytes,
    arithmeticIntensity: bytes > 0 ? flops / bytes : 0,
    achievedFlops: ns > 0 ? (flops / ns) * 1e9 : 0,
    peakFlops: peakFlops(machine, lanes),
    bandwidth,
    level,
    computeNs,
    memoryNs,
    transferNs: 0,
    reduceCycles,
  };
}

/** Every style for one kernel, N and width, with speedups over the interpreted loop. */
export function compareStyles(kernel: Kernel, n: number, width: number, machine: MachineModel): { style: Style; result: KernelResult; speedup: number }[] {
  const results = STYLES.map((style) => ({ style, result: runKernel({ kernel, n, width, style, machine }) }));
  const base = results[0]!.result.ns;
  return results.map((r) => ({ ...r, speedup: r.result.ns > 0 ? base / r.result.ns : 1 }));
}
