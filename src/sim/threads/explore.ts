/**
 * The exhaustive explorer: every interleaving of the counter programs under sequential
 * consistency, one micro-op per step. A depth-first search over states memoised in an
 * open-addressing hash table of packed Int32 vectors (dead registers zeroed, so states that
 * differ only in a value never read again are one state) gives the exact set of reachable
 * final counter values, each with a witness schedule. Counting runs a second, forward pass:
 * the state graph is acyclic (pcs only move forward except a failed cas, which needs another
 * thread's successful write, which moves that thread forward for good), so paths are summed
 * in reverse post-order with BigInt.
 *
 * An interleaving is a sequence of thread ids, one per step, from the initial state until
 * every thread has finished, where each id names a thread that can step at that point (not
 * finished, and not at a `lock` of a held mutex). A failed cas is a step; sequences with
 * retries are longer.
 */
import { canStepFlat as canStepLocal, flatten, initialState, layoutOf, STEP, stepFlat as stepLocal } from './machine';
import { compile, OP, OP_WIDTH, REGISTERS, type Strategy, type Workload } from './program';

/** Strategies the explorer accepts (spinlock spins without bound: scene only). */
export type ExploreStrategy = Exclude<Strategy, 'spinlock'>;
/** Workloads the explorer accepts. */
export type ExploreWorkload = 'inc' | 'incdec';

/** What to explore. */
export interface ExploreOptions {
  readonly threads: number;
  readonly iterations: number;
  readonly strategy: ExploreStrategy;
  /** Default 'inc'. In 'incdec', threads 1, 3, 5… decrement. */
  readonly workload?: ExploreWorkload;
  /** State budget (default {@link DEFAULT_MAX_STATES}); past it, {@link BudgetExceeded} is thrown. */
  readonly maxStates?: number;
  /** Also count interleavings, in total and by final value (turns reduction off). */
  readonly count?: boolean;
  /**
   * Partial-order reduction (default true): from a state where some thread's next op is a
   * register-only `add`, explore that step alone. Same final values, fewer states.
   */
  readonly reduce?: boolean;
}

/** The outcome of an exploration. */
export interface ExploreResult {
  /** Distinct reachable final counter values, ascending. */
  readonly finalValues: number[];
  /** Distinct states visited (after merging dead registers; fewer with reduction). */
  readonly states: number;
  /** For each final value (as a string), a schedule of thread ids reaching it. */
  readonly witnesses: Record<string, number[]>;
  /** Number of interleavings (with `count`). */
  readonly interleavingsTotal?: bigint;
  /** Interleavings per final value (with `count`). */
  readonly interleavingsByFinal?: Record<string, bigint>;
}

/** Thrown when the state budget is exceeded. */
export class BudgetExceeded extends Error {
  constructor(
    readonly maxStates: number,
    message: string,
  ) {
    super(message);
    this.name = 'BudgetExceeded';
  }
}

/** Default state budget. */
export const DEFAULT_MAX_STATES = 2_000_000;

/** A set of Int32 vectors of one width, each given a dense id in insertion order. */
class StateTable {
  /** The vectors, `width` ints each, by id. */
  store: Int32Array;
  /** Two ints per slot: id + 1 (0 = empty) and the vector's hash, checked before the vector. */
  private slots: Int32Array;
  private mask: number;
  size = 0;
  constructor(readonly width: number) {
    this.store = new Int32Array(width * 65536);
    this.slots = new Int32Array(2 * 131072);
    this.mask = 131071;
  }
  private hash(v: Int32Array, at: number): number {
    // murmur3-style: mix each word in, then avalanche, so linear probing sees spread-out slots.
    let h = 0x9747b28c | 0;
    for (let i = 0; i < this.width; i++) {
      let k = Math.imul(v[at + i]!, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      h ^= k;
      h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }
  /** The id of `v`, inserting it when new; `inserted` tells which. */
  intern(v: Int32Array): number {
    const w = this.width;
    const slots = this.slots;
    const store = this.store;
    const mask = this.mask;
    const h = this.hash(v, 0);
    let slot = h & mask;
    for (;;) {
      const entry = slots[2 * slot]!;
      if (entry === 0) break;
      if (slots[2 * slot + 1] === h) {
        const at = (entry - 1) * w;
        let same = true;
        for (let i = 0; i < w; i++) {
          if (store[at + i] !== v[i]) {
            same = false;
            break;
          }
        }
        if (same) {
          this.inserted = false;
          return entry - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if ((id + 1) * w > this.store.length) {
      const grown = new Int32Array(this.store.length * 2);
      grown.set(this.store);
      this.store = grown;
    }
    const target = this.store;
    const at = id * w;
    for (let i = 0; i < w; i++) target[at + i] = v[i]!;
    slots[2 * slot] = id + 1;
    slots[2 * slot + 1] = h;
    this.inserted = true;
    if (this.size * 2 > mask + 1) this.rehash();
    return id;
  }
  inserted = false;
  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    const old = this.slots;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i]!;
      if (entry === 0) continue;
      const h = old[i + 1]!;
      let slot = h & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry;
      slots[2 * slot + 1] = h;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

const EXPLORE_STRATEGIES: readonly string[] = ['nonatomic', 'atomic', 'cas', 'mutex'];

/**
 * Explores every interleaving of `threads` threads each running `iterations` increments
 * (or decrements, for odd threads in 'incdec') under `strategy`.
 * @throws BudgetExceeded past `maxStates` distinct states
 * @throws RangeError for bad options
 */
export function explore(options: ExploreOptions): ExploreResult {
  const { threads, iterations, strategy } = options;
  const workload: Workload = options.workload ?? 'inc';
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  if (!EXPLORE_STRATEGIES.includes(strategy)) throw new RangeError(`explore: strategy must be one of ${EXPLORE_STRATEGIES.join(', ')}`);
  if (workload !== 'inc' && workload !== 'incdec') throw new RangeError('explore: workload must be inc or incdec');
  if (!Number.isInteger(maxStates) || maxStates < 1) throw new RangeError(`explore: maxStates must be a positive integer, got ${maxStates}`);
  const programs = compile(strategy, workload, threads, iterations);
  const layout = layoutOf(programs);
  const width = layout.width;
  const counterAt = layout.mem + programs.counter;
  const flat = flatten(programs, layout);
  // Local bindings: imported functions are getters under CommonJS (tsx), too slow per state.
  const canStepFlat = canStepLocal;
  const stepFlat = stepLocal;
  const lengths = flat.length;
  // live[liveStart[t] + pc]: registers live at thread t's pc (pc = length included).
  const liveStart = new Int32Array(threads);
  const live = new Uint8Array(flat.code.length / OP_WIDTH + threads);
  for (let t = 0, at = 0; t < threads; t++) {
    liveStart[t] = at;
    live.set(programs.threads[t]!.live, at);
    at += lengths[t]! + 1;
  }
  const regs = layout.regs;
  const code = flat.code;
  const starts = flat.start;
  const width5 = OP_WIDTH;
  const addOp = OP.add;
  // Counting needs every interleaving, so it explores without reduction.
  const reduce = options.count !== true && options.reduce !== false;
  const nregs = REGISTERS;

  /** Zeroes registers that are dead at each thread's pc, so equivalent states share a key. */
  const canonicalize = (v: Int32Array): void => {
    for (let t = 0; t < threads; t++) {
      const mask = live[liveStart[t]! + v[t]!]!;
      const r = regs + t * nregs;
      if ((mask & 1) === 0) v[r] = 0;
      if ((mask & 2) === 0) v[r + 1] = 0;
    }
  };
  const allDone = (v: Int32Array): boolean => {
    for (let t = 0; t < threads; t++) if (v[t]! < lengths[t]!) return false;
    return true;
  };

  const table = new StateTable(width);
  const root = initialState(programs).v;
  canonicalize(root);
  table.intern(root);
  const finals = new Map<number, number[]>();
  const budget = (): never => {
    throw new BudgetExceeded(maxStates, `explore: more than ${maxStates} states (threads ${threads}, iterations ${iterations}, strategy ${strategy}); raise the state budget or explore a smaller case`);
  };

  // Iterative DFS: frame i holds a state id, the next thread to try from it and its vector;
  // a successor is built in the next frame's vector, so a new state is pushed without a copy.
  let stackId = new Int32Array(256);
  let stackNext = new Int32Array(256);
  /** The thread whose step leads from frame i to frame i + 1 (the witness schedule). */
  let stackTaken = new Int32Array(256);
  let frames: Int32Array[] = [];
  for (let i = 0; i < 256; i++) frames.push(new Int32Array(width));
  const order: number[] = []; // post-order, for counting
  const keepOrder = options.count === true;
  stackId[0] = 0;
  stackNext[0] = 0;
  frames[0]!.set(root);
  let sp = 1;
  while (sp > 0) {
    let t = stackNext[sp - 1]!;
    const cur = frames[sp - 1]!;
    let ample = -1;
    if (reduce && t === 0) {
      // Partial-order reduction: an `add` touches only its thread's registers, so it commutes
      // with every other thread's step and cannot change the counter; exploring it alone from
      // here reaches the same final states (the graph is acyclic, so nothing is postponed forever).
      for (let u = 0; u < threads; u++) {
        const pc = cur[u]!;
        if (pc < lengths[u]! && code[(starts[u]! + pc) * width5] === addOp) {
          ample = u;
          break;
        }
      }
    }
    if (ample >= 0) t = ample;
    else while (t < threads && !canStepFlat(flat, cur, t)) t++;
    if (t >= threads) {
      if (keepOrder) order.push(stackId[sp - 1]!);
      sp--;
      continue;
    }
    stackNext[sp - 1] = ample >= 0 ? threads : t + 1;
    stackTaken[sp - 1] = t;
    if (sp === stackId.length) {
      const a = new Int32Array(sp * 2);
      a.set(stackId);
      stackId = a;
      const b = new Int32Array(sp * 2);
      b.set(stackNext);
      stackNext = b;
      const c = new Int32Array(sp * 2);
      c.set(stackTaken);
      stackTaken = c;
      frames = frames.concat(Array.from({ length: sp }, () => new Int32Array(width)));
    }
    const next = frames[sp]!;
    for (let i = 0; i < width; i++) next[i] = cur[i]!;
    stepFlat(flat, next, t);
    canonicalize(next);
    const child = table.intern(next);
    if (!table.inserted) continue;
    if (table.size > maxStates) budget();
    if (allDone(next)) {
      const value = next[counterAt]!;
      if (!finals.has(value)) {
        const path: number[] = [];
        for (let i = 0; i < sp; i++) path.push(stackTaken[i]!);
        finals.set(value, path);
      }
      if (keepOrder) order.push(child);
      continue;
    }
    stackId[sp] = child;
    stackNext[sp] = 0;
    sp++;
  }

  const finalValues = [...finals.keys()].sort((a, b) => a - b);
  const witnesses: Record<string, number[]> = {};
  for (const value of finalValues) witnesses[String(value)] = finals.get(value)!;
  const result = { finalValues, states: table.size, witnesses };
  if (!keepOrder) return result;

  // Forward pass in reverse post-order (a topological order of the acyclic state graph).
  const notRunnable = STEP.notRunnable;
  const paths: bigint[] = new Array<bigint>(table.size).fill(0n);
  paths[0] = 1n;
  const byFinal = new Map<number, bigint>();
  let total = 0n;
  const cur = new Int32Array(width);
  const next = new Int32Array(width);
  for (let k = order.length - 1; k >= 0; k--) {
    const id = order[k]!;
    const n = paths[id]!;
    const base = id * width;
    for (let i = 0; i < width; i++) cur[i] = table.store[base + i]!;
    let any = false;
    for (let t = 0; t < threads; t++) {
      if (!canStepFlat(flat, cur, t)) continue;
      any = true;
      next.set(cur);
      if (stepFlat(flat, next, t) === notRunnable) continue;
      canonicalize(next);
      const child = table.intern(next);
      paths[child] = paths[child]! + n;
    }
    if (!any && allDone(cur)) {
      const value = cur[counterAt]!;
      byFinal.set(value, (byFinal.get(value) ?? 0n) + n);
      total += n;
    }
  }
  const interleavingsByFinal: Record<string, bigint> = {};
  for (const value of finalValues) interleavingsByFinal[String(value)] = byFinal.get(value) ?? 0n;
  return { ...result, interleavingsTotal: total, interleavingsByFinal };
}
