/**
 * "Threads and a Shared Counter" as the app sees it: URL parameters, the model (a scheduler
 * driving the threads machine one micro-op per event, in virtual time priced by the hardware
 * model) and a plain view of each state.
 */
import type { Model, SimContext, TraceRecord } from '../core/engine';
import type { SceneDefinition } from '../core/scene';

import { nanos } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { canStep, cloneState, finished, initialState, runnable, step, type ThreadsMachineState } from './machine';
import { CoherentCaches, coherenceCosts, type AccessKind, type CoherenceCosts, type Mesi } from './mesi';
import { OP, OP_WIDTH, REGISTERS, type Programs } from './program';
import { type Sharing, type ThreadsParams, programsOf, threadsManifest } from './manifest';
export { SCHEDULERS, SHARINGS, THREADS_PARAMS, programsOf } from './manifest';
export type { Scheduler, Sharing, ThreadsParams } from './manifest';

/** One thread as the renderer shows it. `pc` indexes `ops` (one loop body); `ops.length` when done. */
export interface ThreadView {
  readonly id: number;
  readonly role: string;
  readonly source: readonly string[];
  readonly ops: readonly string[];
  readonly pc: number;
  /** Source line of pc (-1 when done). */
  readonly line: number;
  readonly registers: Readonly<Record<string, number>>;
  readonly state: 'ready' | 'running' | 'blocked' | 'done';
  readonly retries: number;
  readonly core: number | null;
  /** 0-based loop iteration (iterations when done). */
  readonly iteration: number;
}

/** What the renderer draws. */
export interface ThreadsView {
  readonly threads: readonly ThreadView[];
  readonly memory: readonly { name: string; value: number | readonly number[] }[];
  /** The counter's value with no lost updates (null for lists and own counters). */
  readonly expected: number | null;
  readonly last: { thread: number; op: string; lost?: boolean } | null;
  readonly runnable: readonly number[];
  readonly finished: boolean;
  /** The steps taken so far (thread ids). */
  readonly schedule: readonly number[];
  readonly cores: readonly { id: number; thread: number | null; lines: readonly { name: string; state: Mesi }[] }[] | null;
  readonly coherence: { transfers: number; invalidations: number; ns: number } | null;
  readonly lostUpdates: number;
  /** Virtual time of the last step, ns. */
  readonly elapsed: number;
  /** The costs in use (ns) and where the line transfer figure comes from ("default" when the preset has none). */
  readonly costs: { hit: number; transfer: number; transferSource: string; lock: number; contextSwitch: number };
}

/** A micro-op executed. `pc` indexes the thread's loop body. */
export interface OpRecord extends TraceRecord {
  readonly kind: 'op';
  readonly thread: number;
  readonly op: string;
  readonly pc: number;
  readonly core?: number;
}
/** A cache line changed state in a core (parallel mode). */
export interface CoherenceRecord extends TraceRecord {
  readonly kind: 'coherence';
  readonly core: number;
  readonly line: number;
  readonly from: Mesi;
  readonly to: Mesi;
  readonly bus: string;
  readonly ns: number;
}
/** A cas failed and the thread jumps back to its load. */
export interface RetryRecord extends TraceRecord {
  readonly kind: 'retry';
  readonly thread: number;
}
/** A store overwrote a value another thread wrote after this thread's load: that write is lost. */
export interface LostUpdateRecord extends TraceRecord {
  readonly kind: 'lost-update';
  readonly thread: number;
  /** The shared word, e.g. 'counter' or 'l1.len'. */
  readonly word: string;
  /** The thread whose write was overwritten. */
  readonly overwritten: number;
  /** Value stored. */
  readonly value: number;
}
/** A thread switch on a core, costing a context switch. */
export interface SwitchRecord extends TraceRecord {
  readonly kind: 'switch';
  readonly core: number;
  readonly from: number | null;
  readonly to: number;
  readonly ns: number;
}
/** A threads trace record. */
export type ThreadsRecord = OpRecord | CoherenceRecord | RetryRecord | LostUpdateRecord | SwitchRecord;

/** The one event: core `core` executes its next micro-op. */
export interface ThreadsEvent {
  readonly core: number;
}

/** The model state. */
export interface ThreadsState {
  readonly params: ThreadsParams;
  readonly machine: ThreadsMachineState;
  readonly costs: ScenePrices;
  schedule: number[];
  last: { thread: number; op: string; lost?: boolean } | null;
  lostUpdates: number;
  /** Writes per shared word, and the last writer. */
  readonly version: Int32Array;
  readonly writer: Int32Array;
  /** loaded[t × words + w]: the version of word w when thread t last loaded it (-1 never). */
  readonly loaded: Int32Array;
  /** Per core: the running thread (-1 none) and ops left in its quantum. */
  readonly running: Int32Array;
  readonly quantumLeft: Int32Array;
  /** Per core: 1 while it sleeps until an unlock (parallel mode). */
  readonly waiting: Uint8Array;
  /** Per thread: its core. */
  readonly coreOf: Int32Array;
  /** Next index in params.schedule (user scheduler). */
  replay: number;
  caches: CoherentCaches | null;
  /** Cache line of each shared word (parallel mode). */
  readonly lineOf: Int32Array;
  readonly lineNames: readonly string[];
  coherence: { transfers: number; invalidations: number; ns: number } | null;
  elapsed: number;
}

/** Costs used by the scene, ns. */
export interface ScenePrices extends CoherenceCosts {
  /** A lock or an unlock: half of the machine's lock/unlock pair. */
  readonly lock: number;
  readonly contextSwitch: number;
}

/** Lock + unlock pair, ns, when a preset has no figure (Dean/Norvig's mutex lock/unlock). */
export const DEFAULT_MUTEX_NS = 25;
/** Context switch, ns, when a preset has no figure (latency.md: "a few µs"). */
export const DEFAULT_CONTEXT_SWITCH_NS = 3000;

/** Costs from the machine, with defaults (say so in `transferSource`) where it has no figure. */
export function scenePrices(machine: MachineModel): ScenePrices {
  return {
    ...coherenceCosts(machine),
    lock: (machine.os.mutexLockUnlock?.value ?? DEFAULT_MUTEX_NS) / 2,
    contextSwitch: machine.os.contextSwitch?.value ?? DEFAULT_CONTEXT_SWITCH_NS,
  };
}

/** Cache lines of the shared words: one line per region, except c0 and c1 share line 0 in 'same-line'. */
function linesOf(programs: Programs, sharing: Sharing): { lineOf: Int32Array; names: string[] } {
  const lineOf = new Int32Array(programs.initialMemory.length);
  const names: string[] = [];
  for (const region of programs.memory) {
    let line = names.length;
    if (sharing === 'same-line' && region.name === 'c1') {
      line = 0;
      names[0] = 'c0+c1';
    } else names.push(region.name);
    const words = region.kind === 'list' ? region.capacity + 1 : 1;
    for (let w = 0; w < words; w++) lineOf[region.base + w] = line;
  }
  return { lineOf, names };
}

/** The shared word an op touches (after indexing), or -1. */
function wordOf(s: ThreadsState, t: number): number {
  const m = s.machine;
  const p = m.programs.threads[t]!;
  const i = m.v[t]! * OP_WIDTH;
  const op = p.code[i]!;
  if (op === OP.add || op === OP.yield) return -1;
  const base = p.code[i + 2]!;
  const index = p.code[i + 3]!;
  if ((op === OP.load || op === OP.store) && index >= 0) {
    const k = m.v[m.layout.regs + t * REGISTERS + index]!;
    return k >= 0 && k < p.code[i + 4]! ? base + 1 + k : -1;
  }
  return base;
}

function accessKind(op: number): AccessKind {
  return op === OP.load ? 'read' : op === OP.store ? 'write' : 'rmw';
}

function regionName(programs: Programs, word: number): string {
  for (const r of programs.memory) {
    if (word === r.base) return r.kind === 'list' ? `${r.name}.len` : r.name;
    if (r.kind === 'list' && word > r.base && word <= r.base + r.capacity) return `${r.name}[${word - r.base - 1}]`;
  }
  return `word ${word}`;
}

/** Picks the thread core `core` runs next, or -1 when none can run now. */
function pick(s: ThreadsState, core: number, ctx: SimContext<ThreadsEvent, ThreadsRecord>): number {
  const { scheduler, quantum } = s.params;
  const m = s.machine;
  const n = m.layout.threads;
  if (scheduler === 'user') {
    const t = s.params.schedule[s.replay];
    if (t === undefined || !canStep(m.programs, m.layout, m.v, t)) return -1;
    s.replay++;
    return t;
  }
  const current = s.running[core]!;
  const mine = (t: number) => (scheduler !== 'parallel' || s.coreOf[t] === core) && canStep(m.programs, m.layout, m.v, t);
  const keep = current >= 0 && mine(current);
  if (scheduler === 'random') {
    if (keep && ctx.rng.next() >= 1 / quantum) return current;
    const options: number[] = [];
    for (let t = 0; t < n; t++) if (mine(t)) options.push(t);
    return options.length === 0 ? -1 : options[ctx.rng.int(options.length)]!;
  }
  // round-robin (and each core's own threads in parallel mode)
  if (keep && s.quantumLeft[core]! > 0) return current;
  for (let k = 1; k <= n; k++) {
    const t = (current + k + n) % n;
    if (mine(t)) return t;
  }
  return -1;
}

function handle(s: ThreadsState, ev: ThreadsEvent, ctx: SimContext<ThreadsEvent, ThreadsRecord>): void {
  const core = ev.core;
  const m = s.machine;
  const parallel = s.params.scheduler === 'parallel';
  const t = pick(s, core, ctx);
  if (t < 0) {
    // Nothing to run here now: in parallel mode a core whose threads wait on the mutex sleeps
    // until an unlock wakes it (no polling events).
    if (parallel) {
      for (let i = 0; i < m.layout.threads; i++) if (s.coreOf[i] === core && m.v[i]! < m.programs.threads[i]!.length) s.waiting[core] = 1;
    }
    return;
  }
  let ns = 0;
  const previous = s.running[core]!;
  if (previous !== t) {
    if (previous >= 0) {
      ns += s.costs.contextSwitch;
      ctx.emit({ t: ctx.now, kind: 'switch', core, from: previous >= 0 ? previous : null, to: t, ns: s.costs.contextSwitch });
    }
    s.running[core] = t;
    s.quantumLeft[core] = s.params.quantum;
  } else if (s.quantumLeft[core]! <= 0) s.quantumLeft[core] = s.params.quantum;
  s.quantumLeft[core] = s.quantumLeft[core]! - 1;
  const p = m.programs.threads[t]!;
  const pc = m.v[t]!;
  const bodyPc = pc % p.body.length;
  const op = p.code[pc * OP_WIDTH]!;
  const text = p.body[bodyPc]!.text;
  const word = wordOf(s, t);
  // Cost: a lock or unlock is priced by the OS figure; every other op is an L1 hit, or in
  // parallel mode whatever MESI says moving the line costs.
  let opNs = op === OP.lock || op === OP.unlock ? s.costs.lock : s.costs.hit;
  if (parallel && word >= 0 && s.caches) {
    const line = s.lineOf[word]!;
    const access = s.caches.access(core, line, accessKind(op), s.costs);
    opNs = Math.max(opNs, access.ns);
    const coh = s.coherence!;
    if (access.transfer) coh.transfers++;
    coh.invalidations += access.invalidations;
    coh.ns += access.transfer ? access.ns : 0;
    for (const tr of access.transitions) ctx.emit({ t: ctx.now, kind: 'coherence', core: tr.core, line: tr.line, from: tr.from, to: tr.to, bus: tr.bus, ns: tr.ns });
  }
  ns += opNs;
  // Lost-update bookkeeping: a store over a word written by another thread since our load.
  let lost = false;
  const words = s.version.length;
  const seen = word >= 0 ? s.loaded[t * words + word]! : -1;
  if (op === OP.store && seen >= 0 && s.version[word] !== seen && s.writer[word] !== t) {
    lost = true;
    s.lostUpdates++;
    const value = m.v[m.layout.regs + t * REGISTERS + p.code[pc * OP_WIDTH + 1]!]!;
    ctx.emit({ t: ctx.now, kind: 'lost-update', thread: t, word: regionName(m.programs, word), overwritten: s.writer[word]!, value });
  }
  const result = step(m, t);
  ctx.emit(parallel ? { t: ctx.now, kind: 'op', thread: t, op: text, pc: bodyPc, core } : { t: ctx.now, kind: 'op', thread: t, op: text, pc: bodyPc });
  if (result === 'retry') ctx.emit({ t: ctx.now, kind: 'retry', thread: t });
  if (op === OP.load && word >= 0) {
    s.loaded[t * words + word] = s.version[word]!;
  }
  const conditional = op === OP.cas || op === OP.lock || op === OP.spinLock;
  const wrote = op === OP.store || op === OP.fetchAdd || op === OP.unlock || op === OP.spinUnlock || (conditional && result === 'ok');
  if (word >= 0 && wrote) {
    s.version[word] = s.version[word]! + 1;
    s.writer[word] = t;
  }
  s.schedule.push(t);
  s.last = lost ? { thread: t, op: text, lost } : { thread: t, op: text };
  s.elapsed = ctx.now + ns;
  const more = s.params.scheduler === 'user' ? s.replay < s.params.schedule.length : !finished(m);
  if (more) ctx.schedule(nanos(ns), { core });
  if (op === OP.unlock) {
    for (let c = 0; c < s.waiting.length; c++) {
      if (s.waiting[c] === 0) continue;
      s.waiting[c] = 0;
      ctx.schedule(nanos(ns), { core: c });
    }
  }
}

/** The model for a parameter set on a machine. */
export function threadsModel(params: ThreadsParams, machine: MachineModel): Model<ThreadsState, ThreadsEvent, ThreadsRecord> {
  return {
    init(ctx) {
      const programs = programsOf(params);
      const n = programs.threads.length;
      const parallel = params.scheduler === 'parallel';
      const cores = parallel ? Math.min(params.cores, n) : 1;
      const { lineOf, names } = linesOf(programs, params.sharing);
      const words = programs.initialMemory.length;
      const state: ThreadsState = {
        params,
        machine: initialState(programs),
        costs: scenePrices(machine),
        schedule: [],
        last: null,
        lostUpdates: 0,
        version: new Int32Array(words),
        writer: new Int32Array(words).fill(-1),
        loaded: new Int32Array(n * words).fill(-1),
        running: new Int32Array(cores).fill(-1),
        quantumLeft: new Int32Array(cores),
        waiting: new Uint8Array(cores),
        coreOf: Int32Array.from({ length: n }, (_, t) => (parallel ? t % cores : 0)),
        replay: 0,
        caches: parallel ? new CoherentCaches(cores, names.length) : null,
        lineOf,
        lineNames: names,
        coherence: parallel ? { transfers: 0, invalidations: 0, ns: 0 } : null,
        elapsed: 0,
      };
      if (params.scheduler !== 'user' || params.schedule.length > 0) for (let c = 0; c < cores; c++) ctx.schedule(nanos(0), { core: c });
      return state;
    },
    handle,
    clone(s) {
      return {
        ...s,
        machine: cloneState(s.machine),
        schedule: [...s.schedule],
        last: s.last ? { ...s.last } : null,
        version: s.version.slice(),
        writer: s.writer.slice(),
        loaded: s.loaded.slice(),
        running: s.running.slice(),
        quantumLeft: s.quantumLeft.slice(),
        waiting: s.waiting.slice(),
        caches: s.caches ? s.caches.clone() : null,
        coherence: s.coherence ? { ...s.coherence } : null,
      };
    },
  };
}

/** The counter's value with no lost updates, or null when there is no single counter. */
function expectedOf(programs: Programs): number | null {
  if (programs.counter < 0) return null;
  let sum = 0;
  for (const p of programs.threads) sum += (p.role === 'decrementer' ? -1 : 1) * p.iterations;
  return sum;
}

function view(s: ThreadsState): ThreadsView {
  const m = s.machine;
  const { programs, layout, v } = m;
  const parallel = s.params.scheduler === 'parallel';
  const threads: ThreadView[] = programs.threads.map((p) => {
    const t = p.id;
    const pc = v[t]!;
    const done = pc >= p.length;
    const len = p.body.length;
    const r = layout.regs + t * REGISTERS;
    const running = s.running[s.coreOf[t]!] === t;
    return {
      id: t,
      role: p.role,
      source: p.source,
      ops: p.body.map((o) => o.text),
      pc: done ? len : pc % len,
      line: done ? -1 : p.body[pc % len]!.line,
      registers: { r0: v[r]!, r1: v[r + 1]! },
      state: done ? 'done' : !canStep(programs, layout, v, t) ? 'blocked' : running ? 'running' : 'ready',
      retries: m.retries[t]!,
      core: parallel ? s.coreOf[t]! : running ? 0 : null,
      iteration: done ? p.iterations : Math.floor(pc / len),
    };
  });
  const memory = programs.memory.map((region) => {
    const at = layout.mem + region.base;
    if (region.kind !== 'list') return { name: region.name, value: v[at]! };
    const len = Math.max(0, Math.min(v[at]!, region.capacity));
    return { name: region.name, value: Array.from(v.subarray(at + 1, at + 1 + len)) };
  });
  const caches = s.caches;
  return {
    threads,
    memory,
    expected: expectedOf(programs),
    last: s.last ? { ...s.last } : null,
    runnable: runnable(m),
    finished: finished(m),
    schedule: [...s.schedule],
    cores: caches
      ? Array.from({ length: caches.cores }, (_, c) => ({
          id: c,
          thread: s.running[c]! >= 0 ? s.running[c]! : null,
          lines: s.lineNames.map((name, line) => ({ name, state: caches.state(c, line) })),
        }))
      : null,
    coherence: s.coherence ? { ...s.coherence } : null,
    lostUpdates: s.lostUpdates,
    elapsed: s.elapsed,
    costs: { hit: s.costs.hit, transfer: s.costs.transfer, transferSource: s.costs.transferSource, lock: s.costs.lock, contextSwitch: s.costs.contextSwitch },
  };
}

/** Threads and a Shared Counter. */
export const threadsScene: SceneDefinition<ThreadsParams, ThreadsState, ThreadsEvent, ThreadsRecord, ThreadsView, 'threads'> = {
  ...threadsManifest,
  model: threadsModel,
  view,
};
