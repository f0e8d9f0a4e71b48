/**
 * "Processes in Parallel" as the app sees it: URL parameters, the scheduler model of
 * ./scheduler for a preset job and a style, and a plain, size-capped view of each state.
 */
import type { Model } from '../core/engine';
import type { SceneDefinition } from '../core/scene';

import { NS_PER_MS } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { PRESET_IDS, PRESETS, type PresetId } from './jobs';
import { runParallel } from './run';
import { memoryOf, STYLES, type ParallelEvent, type ParallelRecord, type RunConfig, type Segment, type Style } from './runConfig';
import { cloneParallelState, initParallel, isFinished, parallelModel, workerStateName, type ParallelState } from './scheduler';
import { type ParallelParams, parallelManifest } from './manifest';
export { PARALLEL_PARAMS } from './manifest';
export type { ParallelParams } from './manifest';

export { amdahl, gustafson, speedupCurves } from './scaling';
export { PRESETS, PRESET_IDS, STYLES };
export type { PresetId, ParallelRecord, Segment, Style };


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
  ...parallelManifest,
  model: parallelSceneModel,
  view,
};
