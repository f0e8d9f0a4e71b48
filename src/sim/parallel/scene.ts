/**
 * "Processes in Parallel" as the app sees it: URL parameters, the scheduler model of
 * ./scheduler for a preset job and a style, and a plain, size-capped view of each state.
 */
import type { Model } from '../core/engine';
import type { SceneDefinition } from '../core/scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';

import { NS_PER_MS } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { PRESET_IDS, PRESETS, type PresetId } from './jobs';
import { runParallel } from './run';
import { memoryOf, STYLES, type ParallelEvent, type ParallelRecord, type RunConfig, type Segment, type Style } from './runConfig';
import { cloneParallelState, initParallel, isFinished, parallelModel, workerStateName, type ParallelState } from './scheduler';

export { amdahl, gustafson, speedupCurves } from './scaling';
export { PRESETS, PRESET_IDS, STYLES };
export type { PresetId, ParallelRecord, Segment, Style };

/** Parameters of the scene (URL strings parsed by {@link parallelScene}). */
export interface ParallelParams {
  readonly preset: PresetId;
  readonly style: Style;
  /** Threads or processes (coroutines in flight for async), 1..16. */
  readonly workers: number;
  /** 1..16. */
  readonly cores: number;
  /** GIL switch interval, ms, 0.1..100. */
  readonly switch: number;
  /** Amdahl serial fraction for the curves, 0..1 (does not change the run). */
  readonly serial: number;
}

/** What the renderer draws. */
export interface ParallelView {
  readonly style: string;
  readonly preset: string;
  /** Per core: busy time so far (ns), who runs now, and its finished segments (capped, see {@link MAX_SEGMENTS_PER_CORE}). */
  readonly cores: readonly { readonly id: number; readonly busyNs: number; readonly running: { task: number; worker: number } | null; readonly segments: readonly Segment[] }[];
  readonly io: readonly { readonly task: number; readonly worker: number; readonly start: number; readonly end: number | null; readonly what: string }[];
  readonly workers: readonly { readonly id: number; readonly state: 'ready' | 'running' | 'blocked' | 'waiting-gil' | 'done'; readonly cpuNs: number }[];
  readonly gilHolder: number | null;
  /** Time of the last task's end once done; before that, the time of the latest event. ns. */
  readonly wallNs: number;
  readonly cpuNs: number;
  readonly contextSwitches: number;
  readonly done: boolean;
  /** The same job under `single`, for the speedup headline (computed once per run). */
  readonly singleWallNs: number;
  /** Resident memory: one interpreter per process under `processes` (× P), else one. Bytes. */
  readonly memoryBytes: number;
}

/** The scene's model state: the run, and the `single` baseline's wall time. */
export interface ParallelSceneState {
  readonly run: ParallelState;
  readonly singleWallNs: number;
  readonly preset: PresetId;
}

/**
 * Segments a core carries in the view at most. Adjacent segments of the same task are merged
 * as they happen; past the cap, segments of the same task separated by gaps shorter than g are
 * merged, g doubling until the count fits; if alternating tasks still exceed it, the longest
 * segments are kept (in time order) and the shortest dropped.
 */
export const MAX_SEGMENTS_PER_CORE = 2000;
/** I/O waits the view carries at most: every in-flight one, then the latest finished ones. */
export const MAX_IO_IN_VIEW = 4000;

/** The scene's parameters, declared once (the Inspector, the URL and the CLI read these ranges). */
export const PARALLEL_PARAMS = {
  preset: { type: 'enum', default: 'cpu-bound', values: PRESET_IDS, label: 'Job', help: 'The job: its tasks, their CPU and I/O.' },
  style: { type: 'enum', default: 'gil', values: STYLES, label: 'Style', help: 'How the job is run: one thread, threads (with or without a GIL), processes or async.' },
  workers: { type: 'int', default: 4, min: 1, max: 16, label: 'Workers', help: 'Threads or processes (coroutines in flight for async).' },
  cores: { type: 'int', default: 4, min: 1, max: 16, label: 'Cores' },
  switch: { type: 'number', default: 5, min: 0.1, max: 100, step: 0.1, unit: 'ms', label: 'GIL switch interval', help: "CPython's sys.setswitchinterval: how long a thread may hold the GIL while others wait." },
  serial: { type: 'number', default: 0.1, min: 0, max: 1, step: 0.01, label: 'Serial fraction', help: "Amdahl's serial fraction for the curves (does not change the run)." },
} satisfies ParamSchema<ParallelParams>;

/** The run configuration of a parameter set. */
export function configOf(params: ParallelParams): RunConfig {
  return {
    job: PRESETS[params.preset],
    style: params.style,
    workers: params.workers,
    cores: params.cores,
    switchIntervalNs: Math.round(params.switch * NS_PER_MS),
  };
}

/** The scene's model: the run, with its `single` baseline computed once at init. */
export function parallelSceneModel(params: ParallelParams, machine: MachineModel): Model<ParallelSceneState, ParallelEvent, ParallelRecord> {
  const config = configOf(params);
  const inner = parallelModel(config, machine);
  return {
    init(ctx) {
      const baseline = runParallel({ ...config, style: 'single', workers: 1 }, machine);
      return { run: initParallel(config, machine, ctx), singleWallNs: baseline.state.wallNs, preset: params.preset };
    },
    handle: (s, ev, ctx) => inner.handle(s.run, ev, ctx),
    clone: (s) => ({ ...s, run: cloneParallelState(s.run) }),
  };
}

/** Caps one core's segments as {@link MAX_SEGMENTS_PER_CORE} describes. */
export function capSegments(list: readonly Segment[], max = MAX_SEGMENTS_PER_CORE): readonly Segment[] {
  if (list.length <= max) return list;
  const first = list[0]!;
  const span = list[list.length - 1]!.end - first.start;
  let merged: Segment[] = [...list];
  for (let gap = Math.max(1, span / (max * 16)); merged.length > max && gap <= span; gap *= 2) {
    const out: Segment[] = [];
    for (const seg of merged) {
      const last = out[out.length - 1];
      if (last && last.task === seg.task && last.worker === seg.worker && last.kind === seg.kind && seg.start - last.end <= gap) out[out.length - 1] = { ...last, end: seg.end };
      else out.push(seg);
    }
    merged = out;
  }
  if (merged.length <= max) return merged;
  const keep = merged
    .map((seg, i) => ({ seg, i }))
    .sort((a, b) => b.seg.end - b.seg.start - (a.seg.end - a.seg.start) || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  return keep.map((k) => k.seg);
}

function view(state: ParallelSceneState): ParallelView {
  const s = state.run;
  const done = isFinished(s);
  let io = s.io;
  if (io.length > MAX_IO_IN_VIEW) {
    const open = io.filter((e) => e.end === null);
    const closed = io.filter((e) => e.end !== null);
    io = [...closed.slice(Math.max(0, closed.length - (MAX_IO_IN_VIEW - open.length))), ...open];
  }
  return {
    style: s.config.style,
    preset: state.preset,
    cores: Array.from(s.coreBusy, (busyNs, id) => {
      const w = s.coreRunning[id]!;
      // The head of a worker's ready tasks is the one it runs (−1 while it is being created).
      const task = w >= 0 && s.workerSpawnLeft[w]! <= 0 ? (s.workerReady[w]![0] ?? -1) : -1;
      return { id, busyNs, running: w >= 0 ? { task, worker: w } : null, segments: capSegments(s.segments[id]!) };
    }),
    io: io.map((e) => ({ ...e })),
    workers: Array.from(s.workerCpu, (cpuNs, id) => ({ id, state: workerStateName(s, id), cpuNs })),
    gilHolder: s.gilHolder >= 0 ? s.gilHolder : null,
    wallNs: done ? s.wallNs : s.clock,
    cpuNs: s.cpuNs,
    contextSwitches: s.contextSwitches,
    done,
    singleWallNs: state.singleWallNs,
    memoryBytes: memoryOf(s.config),
  };
}

/** Processes in Parallel. */
export const parallelScene: SceneDefinition<ParallelParams, ParallelSceneState, ParallelEvent, ParallelRecord, ParallelView, 'parallel'> = {
  id: 'parallel',
  title: 'Processes in Parallel',
  params: PARALLEL_PARAMS,
  defaults: defaultsOf<ParallelParams>(PARALLEL_PARAMS),
  parseParams: (raw) => parseWithSchema<ParallelParams>(PARALLEL_PARAMS, raw),
  serializeParams: (p) => serializeWithSchema<ParallelParams>(PARALLEL_PARAMS, p),
  model: parallelSceneModel,
  view,
};
