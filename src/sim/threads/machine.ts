/**
 * The threads machine: sequential consistency, one micro-op per step. A state is one
 * Int32Array — program counters, then registers, then shared memory — so the explorer can
 * hash and copy it without allocating, plus per-thread CAS retry counts kept outside it
 * (they do not change what can happen next).
 */
import { OP, OP_WIDTH, REGISTERS, type Programs } from './program';

// Module-local copies of the op codes: the explorer's hot loop must not pay for reading an
// imported binding (a getter when the module is loaded as CommonJS, as under tsx).
const W = OP_WIDTH;
const NREGS = REGISTERS;
const LOAD = OP.load;
const ADD = OP.add;
const STORE = OP.store;
const FETCH_ADD = OP.fetchAdd;
const CAS = OP.cas;
const LOCK = OP.lock;
const UNLOCK = OP.unlock;
const SPIN_LOCK = OP.spinLock;
const SPIN_UNLOCK = OP.spinUnlock;

/** Offsets into a state vector for a set of programs. */
export interface StateLayout {
  readonly threads: number;
  /** Index of thread 0's r0. Thread t's register r is at `regs + t × REGISTERS + r`. */
  readonly regs: number;
  /** Index of shared word 0. */
  readonly mem: number;
  /** Length of the vector. */
  readonly width: number;
}

/** The layout of the state vector of `programs`. */
export function layoutOf(programs: Programs): StateLayout {
  const threads = programs.threads.length;
  const regs = threads;
  const mem = regs + threads * REGISTERS;
  return { threads, regs, mem, width: mem + programs.initialMemory.length };
}

/** A machine state: the vector plus retries, with the programs it runs. */
export interface ThreadsMachineState {
  readonly programs: Programs;
  readonly layout: StateLayout;
  /** pcs, registers, memory (see {@link StateLayout}). */
  readonly v: Int32Array;
  /** Failed cas attempts per thread. */
  readonly retries: Int32Array;
  readonly flat: FlatCode;
}

/** What one step did: `ok`, a failed cas that jumped back (`retry`), a spin on a held spinlock (`spin`). */
export type StepResult = 'ok' | 'retry' | 'spin';

/** Step result codes of {@link stepFlat}. */
export const STEP = { notRunnable: -1, ok: 0, retry: 1, spin: 2 } as const;

/** The initial state: every pc 0, registers 0, memory as compiled. */
export function initialState(programs: Programs): ThreadsMachineState {
  const layout = layoutOf(programs);
  const v = new Int32Array(layout.width);
  v.set(programs.initialMemory, layout.mem);
  return { programs, layout, v, retries: new Int32Array(layout.threads), flat: flatten(programs, layout) };
}

/** A deep copy. */
export function cloneState(s: ThreadsMachineState): ThreadsMachineState {
  return { programs: s.programs, layout: s.layout, v: s.v.slice(), retries: s.retries.slice(), flat: s.flat };
}

/** True when thread t can take a step: not finished and not waiting for a held mutex. */
export function canStep(programs: Programs, layout: StateLayout, v: Int32Array, t: number): boolean {
  const pc = v[t]!;
  const p = programs.threads[t]!;
  if (pc >= p.length) return false;
  const i = pc * OP_WIDTH;
  if (p.code[i] === OP.lock) return v[layout.mem + p.code[i + 2]!] === 0;
  return true;
}

/** Threads that can take a step now, in id order. */
export function runnable(state: ThreadsMachineState): number[] {
  const out: number[] = [];
  for (let t = 0; t < state.layout.threads; t++) if (canStep(state.programs, state.layout, state.v, t)) out.push(t);
  return out;
}

/** True when every thread has run its whole program. */
export function finished(state: ThreadsMachineState): boolean {
  for (let t = 0; t < state.layout.threads; t++) if (state.v[t]! < state.programs.threads[t]!.length) return false;
  return true;
}

/**
 * Every thread's unrolled code in one array, for the explorer's hot loop: thread t's op at pc
 * starts at `(start[t] + pc) × OP_WIDTH`.
 */
export interface FlatCode {
  readonly code: Int32Array;
  /** First op of each thread. */
  readonly start: Int32Array;
  /** Ops per thread. */
  readonly length: Int32Array;
  readonly regs: number;
  readonly mem: number;
}

/** Concatenates the programs' code (see {@link FlatCode}). */
export function flatten(programs: Programs, layout: StateLayout): FlatCode {
  const n = programs.threads.length;
  const start = new Int32Array(n);
  const length = new Int32Array(n);
  let total = 0;
  for (let t = 0; t < n; t++) {
    start[t] = total;
    length[t] = programs.threads[t]!.length;
    total += length[t]!;
  }
  const code = new Int32Array(total * OP_WIDTH);
  for (let t = 0; t < n; t++) code.set(programs.threads[t]!.code, start[t]! * OP_WIDTH);
  return { code, start, length, regs: layout.regs, mem: layout.mem };
}

/** {@link canStep} on flat code. */
export function canStepFlat(f: FlatCode, v: Int32Array, t: number): boolean {
  const pc = v[t]!;
  if (pc >= f.length[t]!) return false;
  const i = (f.start[t]! + pc) * W;
  return f.code[i] !== LOCK || v[f.mem + f.code[i + 2]!] === 0;
}

/**
 * Executes thread t's next micro-op on the vector in place.
 * @returns a {@link STEP} code; `notRunnable` (and nothing changes) when t cannot step
 */
export function stepFlat(f: FlatCode, v: Int32Array, t: number): number {
  const pc = v[t]!;
  if (pc >= f.length[t]!) return STEP.notRunnable;
  const code = f.code;
  const i = (f.start[t]! + pc) * W;
  const a = code[i + 1]!;
  const b = code[i + 2]!;
  const c = code[i + 3]!;
  const d = code[i + 4]!;
  const r = f.regs + t * NREGS;
  const mem = f.mem;
  switch (code[i]) {
    case LOAD: {
      if (c < 0) v[r + a] = v[mem + b]!;
      else {
        const index = v[r + c]!;
        // Reading outside a list (a race shrank it) reads 0, as an empty slot.
        v[r + a] = index >= 0 && index < d ? v[mem + b + index]! : 0;
      }
      break;
    }
    case ADD:
      v[r + a] = (v[r + b]! + c) | 0;
      break;
    case STORE: {
      if (c < 0) v[mem + b] = v[r + a]!;
      else {
        const index = v[r + c]!;
        // Writing outside a list is dropped (the item is lost).
        if (index >= 0 && index < d) v[mem + b + index] = v[r + a]!;
      }
      break;
    }
    case FETCH_ADD:
      v[mem + b] = (v[mem + b]! + c) | 0;
      break;
    case CAS:
      if (v[mem + b] === v[r + a]) v[mem + b] = v[r + c]!;
      else {
        v[t] = d;
        return STEP.retry;
      }
      break;
    case LOCK:
      if (v[mem + b] !== 0) return STEP.notRunnable;
      v[mem + b] = t + 1;
      break;
    case SPIN_LOCK:
      if (v[mem + b] !== 0) return STEP.spin;
      v[mem + b] = t + 1;
      break;
    case UNLOCK:
    case SPIN_UNLOCK:
      v[mem + b] = 0;
      break;
    default:
      break;
  }
  v[t] = pc + 1;
  return STEP.ok;
}

/**
 * One micro-op of thread t, in place (retries counted).
 * @throws RangeError when t is not runnable (finished, blocked on a held mutex, or no such thread)
 */
export function step(state: ThreadsMachineState, t: number): StepResult {
  if (!Number.isInteger(t) || t < 0 || t >= state.layout.threads || !canStep(state.programs, state.layout, state.v, t)) {
    throw new RangeError(`step: thread ${t} is not runnable`);
  }
  const code = stepFlat(state.flat, state.v, t);
  if (code === STEP.retry) {
    state.retries[t] = state.retries[t]! + 1;
    return 'retry';
  }
  return code === STEP.spin ? 'spin' : 'ok';
}

/** Why thread t cannot step, or null when it can. */
export function whyNotRunnable(state: ThreadsMachineState, t: number): string | null {
  if (!Number.isInteger(t) || t < 0 || t >= state.layout.threads) return `there is no thread ${t} (threads are 0 to ${state.layout.threads - 1})`;
  const p = state.programs.threads[t]!;
  const pc = state.v[t]!;
  if (pc >= p.length) return `thread ${t} has finished`;
  if (!canStep(state.programs, state.layout, state.v, t)) {
    const owner = state.v[state.layout.mem + p.code[pc * OP_WIDTH + 2]!]! - 1;
    return `thread ${t} is blocked on mutex m (held by thread ${owner})`;
  }
  return null;
}

/** The value of a named shared word (a list's name gives its length). */
export function wordValue(state: ThreadsMachineState, name: string): number {
  const region = state.programs.memory.find((m) => m.name === name);
  if (!region) throw new RangeError(`wordValue: no shared word ${name}`);
  return state.v[state.layout.mem + region.base]!;
}
