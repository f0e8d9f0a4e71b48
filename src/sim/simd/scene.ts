/**
 * "Vectorization" as the app sees it: URL parameters, the model and a plain view.
 *
 * The cost of the whole loop comes from {@link runKernel}; the model replays it as events so
 * the timeline can step it: one event per vector iteration (its lanes light up together), at
 * most {@link MAX_LOOP_STEPS} of them (a big N groups iterations into equal chunks), then the
 * horizontal add of a sum, then `done`. The GPU copies in, runs waves of lanes, copies out.
 */
import type { Model, SimContext, TraceRecord } from '../core/engine';
import type { SceneDefinition } from '../core/scene';

import { nanos, type Nanos } from '../core/units';
import type { MachineModel } from '../hardware/types';
import {
  clockGHz, compareStyles, GPU, INTERPRETED_NS, KERNEL_SHAPE, roofline, runKernel,
  type Kernel, type KernelResult, type Roof, type Style, type Width,
} from './simd';
import { type SimdParams, simdManifest } from './manifest';
export { MAX_N, SIMD_PARAMS } from './manifest';
export type { SimdParams } from './manifest';

/** Loop iterations shown as separate steps at most; more are grouped into chunks. */
export const MAX_LOOP_STEPS = 48;
/** Wave steps of the GPU at most. */
export const MAX_GPU_STEPS = 16;

/** What the core is doing in a step. */
export type SimdPhase = 'start' | 'loop' | 'tail' | 'reduce' | 'copy-in' | 'compute' | 'copy-out' | 'done';

/** One iteration (or chunk of iterations) starts. */
export interface IterationRecord extends TraceRecord {
  readonly kind: 'simd.iteration';
  /** First and last iteration of the chunk, from 0. */
  readonly first: number;
  readonly last: number;
  /** Lanes busy in the last iteration of the chunk. */
  readonly lanes: number;
}
/** A phase without lanes: the horizontal add, GPU copies, the end. */
export interface PhaseRecord extends TraceRecord {
  readonly kind: 'simd.reduce' | 'simd.copy-in' | 'simd.copy-out' | 'simd.done';
}
/** A vectorization trace record. */
export type SimdRecord = IterationRecord | PhaseRecord;

/** Events: a chunk of iterations (by index), the horizontal add, GPU copies, the end. */
export type SimdEvent =
  | { readonly type: 'chunk'; readonly index: number }
  | { readonly type: 'reduce' }
  | { readonly type: 'copy-in' }
  | { readonly type: 'copy-out' }
  | { readonly type: 'done' };

/** Precomputed once per parameter set; shared by every state. */
export interface SimdPlan {
  readonly params: SimdParams;
  readonly machineName: string;
  readonly ghz: number;
  readonly result: KernelResult;
  /** Lanes one iteration works on (1 for scalar styles, the width for SIMD, 4096 on the GPU). */
  readonly lanes: number;
  readonly chunk: number;
  readonly chunks: number;
  /** ns of one iteration of the loop. */
  readonly iterationNs: number;
  readonly reduceNs: number;
  readonly copyInNs: number;
  readonly styles: readonly { readonly style: Style; readonly ns: number; readonly cycles: number; readonly speedup: number; readonly bound: 'compute' | 'memory' }[];
  readonly roofline: { readonly peakFlops: number; readonly roofs: readonly Roof[] };
}

/** The model state: the shared plan, the phase, the chunk, the time (ns). */
export interface SimdState {
  readonly plan: SimdPlan;
  phase: SimdPhase;
  /** Chunk being run (loop phases), -1 before the loop. */
  chunk: number;
  t: number;
}

/** One drawn lane of the register: which element it holds this step (null = masked off). */
export interface LaneView {
  readonly element: number | null;
  readonly active: boolean;
}

/** What the renderer draws. */
export interface SimdView {
  readonly kernel: Kernel;
  readonly style: Style;
  readonly width: Width;
  readonly n: number;
  readonly text: string;
  readonly machine: string;
  readonly phase: SimdPhase;
  /** The register's lanes (always `width` of them; scalar code uses lane 0 only). */
  readonly lanes: readonly LaneView[];
  /** Lanes one instruction works on in this style. */
  readonly lanesUsed: number;
  /** Iteration shown (from 1), of `iterations`; 0 before the loop. */
  readonly iteration: number;
  readonly iterations: number;
  readonly fullIterations: number;
  readonly tailLanes: number;
  /** Iterations per timeline step (1 unless N is big). */
  readonly chunk: number;
  readonly elementsDone: number;
  /** Cycles at this step's time, and for the whole loop. */
  readonly cycles: number;
  readonly totalCycles: number;
  /** Virtual time of this step and of the whole loop, ns. */
  readonly ns: number;
  readonly totalNs: number;
  /** Instructions per iteration on each unit in this phase (0 = idle). */
  readonly units: { readonly alu: number; readonly fpu: number; readonly loadStore: number };
  readonly result: KernelResult;
  readonly styles: SimdPlan['styles'];
  readonly roofline: SimdPlan['roofline'];
  readonly sources: readonly string[];
}


/** Builds the plan: the kernel's cost, the step chunks, the other styles and the roofline. */
export function simdPlan(params: SimdParams, machine: MachineModel): SimdPlan {
  const { kernel, style, width, n } = params;
  const result = runKernel({ kernel, style, width, n, machine });
  const ghz = clockGHz(machine);
  const lanes = style === 'simd' ? width : style === 'gpu' ? GPU.lanes : 1;
  const cap = style === 'gpu' ? MAX_GPU_STEPS : MAX_LOOP_STEPS;
  const chunk = Math.max(1, Math.ceil(result.iterations / cap));
  const chunks = Math.ceil(result.iterations / chunk);
  const reduceNs = result.reduceCycles / ghz;
  let copyInNs = 0;
  let loopNs = result.ns - reduceNs;
  if (style === 'gpu') {
    // Launch and the copy in first; the copy out after the waves.
    const inBytes = n * 4 * KERNEL_SHAPE[kernel].loads;
    copyInNs = GPU.launchNs + (inBytes / GPU.pcieBps) * 1e9;
    loopNs = Math.max(result.computeNs, result.memoryNs);
  }
  const styles = compareStyles(kernel, n, width, machine).map((s) => ({ style: s.style, ns: s.result.ns, cycles: s.result.cycles, speedup: s.speedup, bound: s.result.bound }));
  return {
    params,
    machineName: machine.name,
    ghz,
    result,
    lanes,
    chunk,
    chunks,
    iterationNs: result.iterations > 0 ? loopNs / result.iterations : 0,
    reduceNs,
    copyInNs,
    styles,
    roofline: roofline(machine, width),
  };
}

/** The model for a parameter set on a machine. */
export function simdModel(params: SimdParams, machine: MachineModel): Model<SimdState, SimdEvent, SimdRecord> {
  const plan = simdPlan(params, machine);
  return {
    init(ctx) {
      if (plan.params.style === 'gpu') ctx.schedule(nanos(0), { type: 'copy-in' });
      else ctx.schedule(nanos(0), { type: 'chunk', index: 0 });
      return { plan, phase: 'start', chunk: -1, t: 0 };
    },
    handle,
    clone: (s) => ({ ...s }),
  };
}

function iterationsIn(plan: SimdPlan, index: number): { first: number; last: number } {
  const first = index * plan.chunk;
  return { first, last: Math.min(plan.result.iterations, first + plan.chunk) - 1 };
}

function lanesOf(plan: SimdPlan, iteration: number): number {
  const { n } = plan.params;
  return Math.max(0, Math.min(plan.lanes, n - iteration * plan.lanes));
}

function handle(s: SimdState, ev: SimdEvent, ctx: SimContext<SimdEvent, SimdRecord>): void {
  const plan = s.plan;
  const t = ctx.now;
  s.t = t;
  const after = (ns: number, event: SimdEvent) => ctx.schedule(nanos(Math.max(0, ns)) as Nanos, event);
  switch (ev.type) {
    case 'copy-in':
      s.phase = 'copy-in';
      ctx.emit({ t, kind: 'simd.copy-in' });
      after(plan.copyInNs, { type: 'chunk', index: 0 });
      return;
    case 'chunk': {
      const { first, last } = iterationsIn(plan, ev.index);
      const lanes = lanesOf(plan, last);
      s.chunk = ev.index;
      s.phase = plan.params.style === 'gpu' ? 'compute' : lanes < plan.lanes ? 'tail' : 'loop';
      ctx.emit({ t, kind: 'simd.iteration', first, last, lanes });
      const dt = (last - first + 1) * plan.iterationNs;
      if (ev.index + 1 < plan.chunks) after(dt, { type: 'chunk', index: ev.index + 1 });
      else if (plan.params.style === 'gpu') after(dt, { type: 'copy-out' });
      else if (plan.reduceNs > 0) after(dt, { type: 'reduce' });
      else after(dt, { type: 'done' });
      return;
    }
    case 'reduce':
      s.phase = 'reduce';
      ctx.emit({ t, kind: 'simd.reduce' });
      after(plan.reduceNs, { type: 'done' });
      return;
    case 'copy-out':
      s.phase = 'copy-out';
      ctx.emit({ t, kind: 'simd.copy-out' });
      after(plan.result.ns - t, { type: 'done' });
      return;
    case 'done':
      s.phase = 'done';
      s.t = plan.result.ns;
      ctx.emit({ t, kind: 'simd.done' });
      return;
  }
}

function unitsOf(plan: SimdPlan, phase: SimdPhase): SimdView['units'] {
  const shape = KERNEL_SHAPE[plan.params.kernel];
  const simd = plan.params.style === 'simd';
  if (phase === 'reduce') return { alu: 0, fpu: Math.log2(plan.params.width) + 2, loadStore: 0 };
  if (phase !== 'loop' && phase !== 'tail' && phase !== 'compute') return { alu: 0, fpu: 0, loadStore: 0 };
  const branchy = plan.params.kernel === 'branchy';
  // The interpreter's dispatch is integer work: ~INTERPRETED_NS × clock instructions per element.
  const interp = plan.params.style === 'interpreted' ? Math.round(INTERPRETED_NS * plan.ghz) : 0;
  return {
    alu: shape.aluOps - (branchy && simd ? 1 : 0) + interp,
    fpu: shape.fpOps + (branchy && simd ? 2 : 0),
    loadStore: shape.loads + shape.stores,
  };
}

function view(s: SimdState): SimdView {
  const plan = s.plan;
  const { kernel, style, width, n } = plan.params;
  const r = plan.result;
  const inLoop = s.phase === 'loop' || s.phase === 'tail' || s.phase === 'compute';
  const done = s.phase === 'done' || s.phase === 'reduce' || s.phase === 'copy-out';
  const last = s.chunk >= 0 ? iterationsIn(plan, s.chunk).last : -1;
  const base = last * plan.lanes;
  const busy = inLoop ? lanesOf(plan, last) : 0;
  const lanes: LaneView[] = [];
  for (let j = 0; j < width; j++) {
    // Scalar styles use lane 0; the GPU draws one register's worth of its thousands of lanes.
    const active = inLoop && j < Math.min(busy, width) && (style === 'simd' || style === 'gpu' || j === 0);
    lanes.push({ element: active ? base + j : null, active });
  }
  const elementsDone = done ? n : inLoop ? Math.min(n, (last + 1) * plan.lanes) : 0;
  const sources = [
    `${plan.machineName}: ${plan.ghz} GHz clock; FP add/mul/FMA latency 4 cycles, 2 per cycle; 2 loads and 1 store per cycle (Agner Fog's tables, Skylake/Zen class)`,
    'L1 64 B/cycle, L2 32 B/cycle, L3 16 B/cycle; RAM 20 GB/s unless the machine gives one',
    `interpreted: ${INTERPRETED_NS} ns per element (a CPython loop, DataFrame.apply per row)`,
    `GPU: ${GPU.lanes} lanes at ${GPU.clockGHz} GHz, ${GPU.launchNs / 1000} µs launch, PCIe ${GPU.pcieBps / 1e9} GB/s, device memory ${GPU.deviceBps / 1e9} GB/s (a teaching figure of a mid-range discrete GPU)`,
  ];
  return {
    kernel,
    style,
    width,
    n,
    text: KERNEL_SHAPE[kernel].text,
    machine: plan.machineName,
    phase: s.phase,
    lanes,
    lanesUsed: r.lanesUsed,
    iteration: last + 1,
    iterations: r.iterations,
    fullIterations: r.fullIterations,
    tailLanes: r.tailLanes,
    chunk: plan.chunk,
    elementsDone,
    cycles: Math.round(s.t * plan.ghz),
    totalCycles: r.cycles,
    ns: s.t,
    totalNs: r.ns,
    units: unitsOf(plan, s.phase),
    result: r,
    styles: plan.styles,
    roofline: plan.roofline,
    sources,
  };
}

/** Vectorization. */
export const simdScene: SceneDefinition<SimdParams, SimdState, SimdEvent, SimdRecord, SimdView, 'simd'> = {
  ...simdManifest,
  model: simdModel,
  view,
};
