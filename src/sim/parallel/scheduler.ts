/**
 * An OS scheduler running a job's tasks on C cores, in one of five execution styles.
 *
 * Workers are OS threads (or processes) that take the next task from a shared queue when
 * their current one finishes (a pool, as `concurrent.futures` has). A worker needs a core for
 * CPU work and leaves it when its task waits on I/O (the core then runs someone else). Ready
 * workers wait in one FIFO run queue; a worker keeps its core for a time slice and is put back
 * at the tail when the slice ends and someone is waiting. Putting a different worker on a core
 * costs a context switch (CPU time on that core). I/O devices serve any number of requests at
 * once (each wait is its latency, whatever else is in flight).
 *
 * - `single`: one worker, tasks one after another.
 * - `threads`: W workers, truly parallel; each costs a thread creation before its first task.
 * - `gil`: W threads under a global interpreter lock: only the holder runs on a core. It is
 *   released on every I/O wait and when the task ends; a thread that has waited a whole switch
 *   interval without the lock changing hands asks the holder to drop it (CPython's
 *   `sys.setswitchinterval`), which it does at once and queues behind the others. A thread back
 *   from I/O therefore waits up to an interval behind a CPU-bound holder: the convoy effect.
 * - `processes`: W processes, each its own interpreter: a process spawn before its first task,
 *   one interpreter's memory each, and each task's data copied to the process and its result
 *   back (CPU time: two memory copies of the data, priced from the machine's `memory.read1MB`).
 * - `async`: one thread running up to W tasks as coroutines: when one awaits I/O the loop runs
 *   another ready one (no OS switch); the thread blocks only when all in flight are waiting.
 *
 * All durations are whole ns, so the accounting is exact.
 */
import type { Model, SimContext } from '../core/engine';
import { nanos } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { ioLatency } from './jobs';
import { runPrices, type IoWait, type ParallelEvent, type ParallelRecord, type RunConfig, type RunPrices, type Segment } from './runConfig';

/** A compiled step: CPU work of a kind, or a wait. */
interface Step {
  readonly cpu: boolean;
  readonly kind: 'cpu' | 'copy';
  readonly ns: number;
  readonly what: string;
}

/** Worker states (indices into {@link WORKER_STATES}). */
const W_READY = 0;
const W_RUNNING = 1;
const W_BLOCKED = 2;
const W_WAITING_GIL = 3;
const W_DONE = 4;
/** Worker state names, by code. */
export const WORKER_STATES = ['ready', 'running', 'blocked', 'waiting-gil', 'done'] as const;

const T_PENDING = 0;
const T_READY = 1;
const T_IO = 2;
const T_DONE = 3;

const C_IDLE = 0;
const C_SWITCH = 1;
const C_WORK = 2;

/** The model state. Mutable; {@link cloneParallelState} copies it. */
export interface ParallelState {
  readonly config: RunConfig;
  readonly prices: RunPrices;
  readonly steps: readonly Step[];
  readonly workerCount: number;
  /** Coroutines a worker may have in flight (W for async, else 1). */
  readonly inflightLimit: number;
  // tasks
  readonly taskWorker: Int32Array;
  readonly taskStep: Int32Array;
  readonly taskLeft: Float64Array;
  readonly taskStart: Float64Array;
  readonly taskEnd: Float64Array;
  readonly taskStatus: Int8Array;
  nextTask: number;
  doneTasks: number;
  // workers
  readonly workerState: Int8Array;
  readonly workerCore: Int32Array;
  readonly workerLastCore: Int32Array;
  readonly workerCpu: Float64Array;
  readonly workerInflight: Int32Array;
  readonly workerSpawnLeft: Float64Array;
  readonly workerWaitGen: Int32Array;
  /** Per worker, its ready tasks in FIFO order (the head runs). */
  readonly workerReady: number[][];
  // cores
  readonly coreRunning: Int32Array;
  readonly coreLast: Int32Array;
  readonly corePhase: Int8Array;
  readonly coreChunkStart: Float64Array;
  /** Task of the current work chunk (−1 = spawn). */
  readonly coreChunkTask: Int32Array;
  readonly coreGen: Int32Array;
  readonly coreBusy: Float64Array;
  readonly coreSliceLeft: Float64Array;
  readonly segments: Segment[][];
  runQueue: number[];
  gilHolder: number;
  gilWaiters: number[];
  gilSwitches: number;
  dropRequest: boolean;
  io: IoWait[];
  contextSwitches: number;
  cpuNs: number;
  /** When the run ended: every task done and every core idle (an idle worker's creation included). 0 until then. */
  wallNs: number;
  /** Virtual time of the last event handled, ns. */
  clock: number;
}

function compileSteps(config: RunConfig, machine: MachineModel, copy: number): Step[] {
  const steps: Step[] = [];
  if (copy > 0) steps.push({ cpu: true, kind: 'copy', ns: copy, what: 'copy data' });
  for (const s of config.job.steps) {
    if ('cpu' in s) steps.push({ cpu: true, kind: 'cpu', ns: Math.max(1, Math.round(s.cpu)), what: 'cpu' });
    else if ('io' in s) {
      const times = s.times ?? 1;
      steps.push({ cpu: false, kind: 'cpu', ns: ioLatency(machine, s.io).ns * times, what: times === 1 ? s.io : `${s.io} ×${times}` });
    } else steps.push({ cpu: false, kind: 'cpu', ns: Math.max(1, Math.round(s.wait)), what: s.what ?? 'wait' });
  }
  return steps;
}

type Ctx = SimContext<ParallelEvent, ParallelRecord>;

function addSegment(s: ParallelState, core: number, seg: Segment): void {
  const d = seg.end - seg.start;
  if (d <= 0) return;
  s.coreBusy[core] = s.coreBusy[core]! + d;
  s.workerCpu[seg.worker] = s.workerCpu[seg.worker]! + d;
  s.cpuNs += d;
  const list = s.segments[core]!;
  const last = list[list.length - 1];
  if (last && last.task === seg.task && last.worker === seg.worker && last.kind === seg.kind && last.end === seg.start) list[list.length - 1] = { ...last, end: seg.end };
  else list.push(seg);
}

function grantGil(s: ParallelState, w: number, ctx: Ctx): void {
  s.gilHolder = w;
  s.gilSwitches++;
  s.dropRequest = false;
  ctx.emit({ t: ctx.now, kind: 'gil', worker: w });
}

function waitForGil(s: ParallelState, w: number, ctx: Ctx): void {
  s.workerState[w] = W_WAITING_GIL;
  s.gilWaiters.push(w);
  const gen = ++s.workerWaitGen[w]!;
  ctx.schedule(nanos(s.config.switchIntervalNs), { kind: 'gil-timeout', worker: w, gen, switches: s.gilSwitches });
}

/** The holder gives the GIL up; the longest waiter gets it and joins the run queue. */
function releaseGil(s: ParallelState, ctx: Ctx): void {
  s.gilHolder = -1;
  s.dropRequest = false;
  const next = s.gilWaiters.shift();
  if (next === undefined) return;
  s.workerWaitGen[next] = s.workerWaitGen[next]! + 1;
  grantGil(s, next, ctx);
  s.workerState[next] = W_READY;
  s.runQueue.push(next);
}

/** A worker off any core has work: queue it for a core (after the GIL, under `gil`). */
function wantCpu(s: ParallelState, w: number, ctx: Ctx): void {
  if (s.config.style === 'gil' && s.gilHolder !== w) {
    if (s.gilHolder >= 0) {
      waitForGil(s, w, ctx);
      return;
    }
    grantGil(s, w, ctx);
  }
  s.workerState[w] = W_READY;
  s.runQueue.push(w);
}

function refill(s: ParallelState, w: number): void {
  const total = s.taskStatus.length;
  while (s.workerInflight[w]! < s.inflightLimit && s.nextTask < total) {
    const t = s.nextTask++;
    s.taskWorker[t] = w;
    s.taskStep[t] = 0;
    s.taskLeft[t] = s.steps[0]!.ns;
    s.taskStatus[t] = T_READY;
    s.workerInflight[w] = s.workerInflight[w]! + 1;
    s.workerReady[w]!.push(t);
  }
}

function hasWork(s: ParallelState, w: number): boolean {
  return s.workerSpawnLeft[w]! > 0 || s.workerReady[w]!.length > 0;
}

function finishTask(s: ParallelState, t: number, ctx: Ctx): void {
  const w = s.taskWorker[t]!;
  s.taskStatus[t] = T_DONE;
  s.taskEnd[t] = ctx.now;
  const ready = s.workerReady[w]!;
  const at = ready.indexOf(t);
  if (at >= 0) ready.splice(at, 1);
  s.workerInflight[w] = s.workerInflight[w]! - 1;
  s.doneTasks++;
  ctx.emit({ t: ctx.now, kind: 'done', task: t });
  refill(s, w);
}

/** Moves a task to its next step; finishes it after the last. */
function advance(s: ParallelState, t: number, ctx: Ctx): void {
  const next = s.taskStep[t]! + 1;
  if (next >= s.steps.length) {
    finishTask(s, t, ctx);
    return;
  }
  s.taskStep[t] = next;
  s.taskLeft[t] = s.steps[next]!.ns;
}

/** Starts the I/O waits at the head of a worker's ready tasks (they leave the ready list). */
function startHeadIo(s: ParallelState, w: number, ctx: Ctx): void {
  const ready = s.workerReady[w]!;
  if (s.workerSpawnLeft[w]! > 0) return;
  for (;;) {
    const t = ready[0];
    if (t === undefined) return;
    const step = s.steps[s.taskStep[t]!]!;
    if (step.cpu) return;
    if (s.taskStart[t]! < 0) s.taskStart[t] = ctx.now;
    ready.shift();
    s.taskStatus[t] = T_IO;
    s.io.push({ task: t, worker: w, start: ctx.now, end: null, what: step.what });
    ctx.emit({ t: ctx.now, kind: 'block', task: t, worker: w, io: step.what, ns: step.ns });
    ctx.schedule(nanos(step.ns), { kind: 'io', task: t, io: s.io.length - 1 });
  }
}

/** The worker on `core` stops using it: blocked on I/O or done; the GIL goes with it. */
function leaveCore(s: ParallelState, core: number, ctx: Ctx): void {
  const w = s.coreRunning[core]!;
  s.coreRunning[core] = -1;
  s.corePhase[core] = C_IDLE;
  s.coreGen[core] = s.coreGen[core]! + 1;
  s.workerCore[w] = -1;
  s.workerLastCore[w] = core;
  s.workerState[w] = s.workerInflight[w] === 0 && s.nextTask >= s.taskStatus.length ? W_DONE : W_BLOCKED;
  if (s.config.style === 'gil' && s.gilHolder === w) releaseGil(s, ctx);
}

/** The worker on `core` goes back to the run queue (time slice over) or to the GIL's queue. */
function vacate(s: ParallelState, core: number): number {
  const w = s.coreRunning[core]!;
  s.coreRunning[core] = -1;
  s.corePhase[core] = C_IDLE;
  s.coreGen[core] = s.coreGen[core]! + 1;
  s.workerCore[w] = -1;
  s.workerLastCore[w] = core;
  return w;
}

/** Gives idle cores to the run queue's head workers (a worker's last core first). */
function dispatch(s: ParallelState, ctx: Ctx): void {
  while (s.runQueue.length > 0) {
    let idle = -1;
    const w = s.runQueue[0]!;
    const last = s.workerLastCore[w]!;
    if (last >= 0 && s.corePhase[last] === C_IDLE) idle = last;
    else for (let c = 0; c < s.corePhase.length; c++) if (s.corePhase[c] === C_IDLE) {
      idle = c;
      break;
    }
    if (idle < 0) return;
    s.runQueue.shift();
    startOnCore(s, idle, w, ctx);
  }
}

function startOnCore(s: ParallelState, core: number, w: number, ctx: Ctx): void {
  s.coreRunning[core] = w;
  s.workerCore[w] = core;
  s.workerState[w] = W_RUNNING;
  s.coreSliceLeft[core] = s.prices.timeSlice;
  const previous = s.coreLast[core]!;
  s.coreLast[core] = w;
  if (previous >= 0 && previous !== w && s.prices.contextSwitch > 0) {
    s.contextSwitches++;
    s.corePhase[core] = C_SWITCH;
    s.coreChunkStart[core] = ctx.now;
    s.coreGen[core] = s.coreGen[core]! + 1;
    ctx.emit({ t: ctx.now, kind: 'switch', core, ns: s.prices.contextSwitch });
    ctx.schedule(nanos(s.prices.contextSwitch), { kind: 'core', core, gen: s.coreGen[core]! });
    return;
  }
  beginChunk(s, core, ctx);
}

/** The worker on `core` runs its next piece of CPU work, or leaves the core if it has none. */
function beginChunk(s: ParallelState, core: number, ctx: Ctx): void {
  const w = s.coreRunning[core]!;
  startHeadIo(s, w, ctx);
  if (!hasWork(s, w)) {
    leaveCore(s, core, ctx);
    dispatch(s, ctx);
    return;
  }
  if (s.config.style === 'gil' && s.dropRequest && s.gilHolder === w) {
    yieldGil(s, core, ctx);
    return;
  }
  let task = -1;
  let left = s.workerSpawnLeft[w]!;
  if (left <= 0) {
    task = s.workerReady[w]![0]!;
    left = s.taskLeft[task]!;
    if (s.taskStart[task]! < 0) s.taskStart[task] = ctx.now;
  }
  const chunk = Math.min(left, s.coreSliceLeft[core]!);
  s.corePhase[core] = C_WORK;
  s.coreChunkStart[core] = ctx.now;
  s.coreChunkTask[core] = task;
  s.coreGen[core] = s.coreGen[core]! + 1;
  ctx.emit({ t: ctx.now, kind: 'run', core, task, worker: w });
  ctx.schedule(nanos(chunk), { kind: 'core', core, gen: s.coreGen[core]! });
}

/** Accounts the work chunk on `core` up to now (its step may end, and its task with it). */
function settle(s: ParallelState, core: number, ctx: Ctx): void {
  const w = s.coreRunning[core]!;
  const start = s.coreChunkStart[core]!;
  const elapsed = ctx.now - start;
  const task = s.coreChunkTask[core]!;
  s.coreSliceLeft[core] = s.coreSliceLeft[core]! - elapsed;
  if (task < 0) {
    addSegment(s, core, { task: -1, worker: w, start, end: ctx.now, kind: 'spawn' });
    s.workerSpawnLeft[w] = s.workerSpawnLeft[w]! - elapsed;
    s.coreChunkStart[core] = ctx.now;
    return;
  }
  addSegment(s, core, { task, worker: w, start, end: ctx.now, kind: s.steps[s.taskStep[task]!]!.kind });
  s.taskLeft[task] = s.taskLeft[task]! - elapsed;
  if (s.taskLeft[task]! <= 0) advance(s, task, ctx);
  // The chunk is accounted: later settles of the same chunk start here.
  s.coreChunkStart[core] = ctx.now;
}

/** The GIL holder on `core` drops the lock (someone waited a whole interval) and queues for it again. */
function yieldGil(s: ParallelState, core: number, ctx: Ctx): void {
  vacate(s, core);
  const w = s.gilHolder;
  releaseGil(s, ctx);
  waitForGil(s, w, ctx);
  dispatch(s, ctx);
}

function onCore(s: ParallelState, core: number, ctx: Ctx): void {
  const w = s.coreRunning[core]!;
  if (s.corePhase[core] === C_SWITCH) {
    const head = s.workerSpawnLeft[w]! > 0 ? -1 : (s.workerReady[w]![0] ?? -1);
    addSegment(s, core, { task: head, worker: w, start: s.coreChunkStart[core]!, end: ctx.now, kind: 'switch' });
    beginChunk(s, core, ctx);
    return;
  }
  settle(s, core, ctx);
  startHeadIo(s, w, ctx);
  if (!hasWork(s, w)) {
    leaveCore(s, core, ctx);
    dispatch(s, ctx);
    return;
  }
  if (s.coreSliceLeft[core]! <= 0) {
    if (s.runQueue.length > 0) {
      vacate(s, core);
      s.workerState[w] = W_READY;
      s.runQueue.push(w);
      dispatch(s, ctx);
      return;
    }
    s.coreSliceLeft[core] = s.prices.timeSlice;
  }
  beginChunk(s, core, ctx);
}

function onIoDone(s: ParallelState, t: number, io: number, ctx: Ctx): void {
  const w = s.taskWorker[t]!;
  s.io[io]!.end = ctx.now;
  advance(s, t, ctx);
  if (s.taskStatus[t] !== T_DONE) {
    s.taskStatus[t] = T_READY;
    s.workerReady[w]!.push(t);
  }
  if (s.workerState[w] === W_BLOCKED) {
    startHeadIo(s, w, ctx);
    if (hasWork(s, w)) {
      wantCpu(s, w, ctx);
      dispatch(s, ctx);
    } else if (s.workerInflight[w] === 0 && s.nextTask >= s.taskStatus.length) s.workerState[w] = W_DONE;
  }
}

function onGilTimeout(s: ParallelState, ev: { worker: number; gen: number; switches: number }, ctx: Ctx): void {
  const w = ev.worker;
  if (s.workerWaitGen[w] !== ev.gen || s.workerState[w] !== W_WAITING_GIL) return;
  if (ev.switches !== s.gilSwitches) {
    // The GIL changed hands while this thread waited: it waits another interval.
    const gen = ++s.workerWaitGen[w]!;
    ctx.schedule(nanos(s.config.switchIntervalNs), { kind: 'gil-timeout', worker: w, gen, switches: s.gilSwitches });
    return;
  }
  s.dropRequest = true;
  const holder = s.gilHolder;
  const core = holder >= 0 ? s.workerCore[holder]! : -1;
  if (core < 0 || s.corePhase[core] !== C_WORK) return; // honoured when the holder next starts work
  settle(s, core, ctx);
  startHeadIo(s, holder, ctx);
  if (!hasWork(s, holder)) {
    leaveCore(s, core, ctx);
    dispatch(s, ctx);
    return;
  }
  yieldGil(s, core, ctx);
}

function handle(s: ParallelState, ev: ParallelEvent, ctx: Ctx): void {
  s.clock = ctx.now;
  if (ev.kind === 'core') {
    if (ev.gen === s.coreGen[ev.core]) onCore(s, ev.core, ctx);
  } else if (ev.kind === 'io') onIoDone(s, ev.task, ev.io, ctx);
  else onGilTimeout(s, ev, ctx);
  if (s.wallNs === 0 && s.doneTasks === s.taskStatus.length && s.corePhase.every((p) => p === C_IDLE)) s.wallNs = ctx.now;
}

/** Deep copy of a state (segments are immutable objects; io waits are copied). */
export function cloneParallelState(s: ParallelState): ParallelState {
  return {
    ...s,
    taskWorker: s.taskWorker.slice(),
    taskStep: s.taskStep.slice(),
    taskLeft: s.taskLeft.slice(),
    taskStart: s.taskStart.slice(),
    taskEnd: s.taskEnd.slice(),
    taskStatus: s.taskStatus.slice(),
    workerState: s.workerState.slice(),
    workerCore: s.workerCore.slice(),
    workerLastCore: s.workerLastCore.slice(),
    workerCpu: s.workerCpu.slice(),
    workerInflight: s.workerInflight.slice(),
    workerSpawnLeft: s.workerSpawnLeft.slice(),
    workerWaitGen: s.workerWaitGen.slice(),
    workerReady: s.workerReady.map((r) => [...r]),
    coreRunning: s.coreRunning.slice(),
    coreLast: s.coreLast.slice(),
    corePhase: s.corePhase.slice(),
    coreChunkStart: s.coreChunkStart.slice(),
    coreChunkTask: s.coreChunkTask.slice(),
    coreGen: s.coreGen.slice(),
    coreBusy: s.coreBusy.slice(),
    coreSliceLeft: s.coreSliceLeft.slice(),
    segments: s.segments.map((l) => [...l]),
    runQueue: [...s.runQueue],
    gilWaiters: [...s.gilWaiters],
    io: s.io.map((e) => ({ ...e })),
  };
}

/** Builds the initial state (workers created, queued for cores) and schedules the first events. */
export function initParallel(config: RunConfig, machine: MachineModel, ctx: Ctx): ParallelState {
  const prices = runPrices(config, machine);
  const steps = compileSteps(config, machine, prices.copy);
  const single = config.style === 'single' || config.style === 'async';
  const workerCount = single ? 1 : Math.max(1, config.workers);
  const cores = Math.max(1, config.cores);
  const tasks = config.job.tasks;
  const s: ParallelState = {
    config,
    prices,
    steps,
    workerCount,
    inflightLimit: config.style === 'async' ? Math.max(1, config.workers) : 1,
    taskWorker: new Int32Array(tasks).fill(-1),
    taskStep: new Int32Array(tasks),
    taskLeft: new Float64Array(tasks),
    taskStart: new Float64Array(tasks).fill(-1),
    taskEnd: new Float64Array(tasks).fill(-1),
    taskStatus: new Int8Array(tasks).fill(T_PENDING),
    nextTask: 0,
    doneTasks: 0,
    workerState: new Int8Array(workerCount).fill(W_BLOCKED),
    workerCore: new Int32Array(workerCount).fill(-1),
    workerLastCore: new Int32Array(workerCount).fill(-1),
    workerCpu: new Float64Array(workerCount),
    workerInflight: new Int32Array(workerCount),
    workerSpawnLeft: new Float64Array(workerCount).fill(prices.spawn),
    workerWaitGen: new Int32Array(workerCount),
    workerReady: Array.from({ length: workerCount }, () => []),
    coreRunning: new Int32Array(cores).fill(-1),
    coreLast: new Int32Array(cores).fill(-1),
    corePhase: new Int8Array(cores).fill(C_IDLE),
    coreChunkStart: new Float64Array(cores),
    coreChunkTask: new Int32Array(cores).fill(-1),
    coreGen: new Int32Array(cores),
    coreBusy: new Float64Array(cores),
    coreSliceLeft: new Float64Array(cores),
    segments: Array.from({ length: cores }, () => []),
    runQueue: [],
    gilHolder: -1,
    gilWaiters: [],
    gilSwitches: 0,
    dropRequest: false,
    io: [],
    contextSwitches: 0,
    cpuNs: 0,
    wallNs: 0,
    clock: 0,
  };
  for (let w = 0; w < workerCount; w++) {
    refill(s, w);
    startHeadIo(s, w, ctx);
    if (hasWork(s, w)) wantCpu(s, w, ctx);
    else if (s.workerInflight[w] === 0) s.workerState[w] = W_DONE;
  }
  dispatch(s, ctx);
  return s;
}

/** The model of one run on a machine. */
export function parallelModel(config: RunConfig, machine: MachineModel): Model<ParallelState, ParallelEvent, ParallelRecord> {
  return { init: (ctx) => initParallel(config, machine, ctx), handle, clone: cloneParallelState };
}

/** True when the run has ended: every task finished and every core idle. */
export function isFinished(s: ParallelState): boolean {
  return s.wallNs > 0;
}

/** A worker's state name. */
export function workerStateName(s: ParallelState, w: number): (typeof WORKER_STATES)[number] {
  return WORKER_STATES[s.workerState[w]!]!;
}
