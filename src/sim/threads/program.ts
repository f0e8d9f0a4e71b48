/**
 * The threads scene's tiny instruction set and its compiler. Each thread runs one loop body
 * `iterations` times; the body is unrolled into flat integer code so that a program counter
 * alone says how far a thread has got (the explorer's states stay small and acyclic).
 *
 * Micro-ops: `load r, [x]`, `add r, imm` (or `add rd, rs, imm`), `store [x], r`,
 * `fetch_add [x], imm`, `cas [x], expected, new` (a failed cas jumps back to the body's load),
 * `lock m` / `unlock m` (a blocking mutex: lock is only schedulable while m is free),
 * `spin_lock m` / `spin_unlock m` (test-and-set: a failed attempt is a step that stays put),
 * `yield`. Shared words start at 0 (list contents excepted, see appendpop).
 */

/** How the shared counter is updated. */
export type Strategy = 'nonatomic' | 'atomic' | 'cas' | 'mutex' | 'spinlock';
/** Every strategy, in menu order. */
export const STRATEGIES: readonly Strategy[] = ['nonatomic', 'atomic', 'cas', 'mutex', 'spinlock'];

/**
 * What the threads do: `inc` every thread increments; `incdec` threads 0, 2, 4… increment and
 * threads 1, 3, 5… decrement (the seed's pair); `appendpop` thread t pops from one list and
 * appends to the other (the seed's `list_append.append(list_pop.pop())`, as separate steps);
 * `own` each thread increments its own counter `c<t>` (the false-sharing demo).
 */
export type Workload = 'inc' | 'incdec' | 'appendpop' | 'own';
/** The workloads a user picks (own counters come from the scene's `sharing` parameter). */
export const WORKLOADS: readonly Workload[] = ['inc', 'incdec', 'appendpop'];

/** Operation codes of the flat code (5 ints per op: op, a, b, c, d). */
export const OP = {
  /** a = dst reg, b = word (or list base), c = index reg or -1, d = list capacity (0: scalar). */
  load: 0,
  /** a = dst reg, b = src reg, c = immediate. */
  add: 1,
  /** a = src reg, b = word (or list base), c = index reg or -1, d = list capacity (0: scalar). */
  store: 2,
  /** b = word, c = immediate. */
  fetchAdd: 3,
  /** a = expected reg, b = word, c = new reg, d = absolute pc to jump to on failure. */
  cas: 4,
  /** b = mutex word (0 free, owner + 1 held). */
  lock: 5,
  unlock: 6,
  spinLock: 7,
  spinUnlock: 8,
  yield: 9,
} as const;
/** Ints per op in {@link ThreadProgram.code}. */
export const OP_WIDTH = 5;
/** Registers per thread (r0, r1). */
export const REGISTERS = 2;

/** One micro-op of a loop body, as the scene shows it. */
export interface MicroOp {
  /** Assembly text, e.g. `load r0, [counter]`. */
  readonly text: string;
  /** Index of the source line this op was compiled from. */
  readonly line: number;
  /** Which shared word it touches, by name (null for add / yield). */
  readonly touches: string | null;
}

/** One thread's program. */
export interface ThreadProgram {
  readonly id: number;
  /** 'incrementer', 'decrementer', 'append-pop', 'own-counter'. */
  readonly role: string;
  /** Source lines of the loop body, e.g. `counter += 1`. */
  readonly source: readonly string[];
  /** The micro-ops of one iteration of the body. */
  readonly body: readonly MicroOp[];
  readonly iterations: number;
  /** The unrolled code, {@link OP_WIDTH} ints per op; length / OP_WIDTH = body.length × iterations. */
  readonly code: Int32Array;
  /** Number of ops in `code`; the thread is done when its pc equals this. */
  readonly length: number;
  /** Bit r set at index pc when register r is live before executing pc (read before written on some path). */
  readonly live: Uint8Array;
}

/** A named region of shared memory: a word, or a list (`len` word then `capacity` items). */
export interface MemoryRegion {
  readonly name: string;
  readonly kind: 'word' | 'list' | 'mutex';
  /** Index of the first word. */
  readonly base: number;
  /** List items capacity (0 for a word). */
  readonly capacity: number;
}

/** Everything the machine needs: per-thread programs and the shared memory layout. */
export interface Programs {
  readonly threads: readonly ThreadProgram[];
  readonly memory: readonly MemoryRegion[];
  /** Initial contents of shared memory (all zero except list contents). */
  readonly initialMemory: Int32Array;
  /** Word index of the counter for counter workloads, else -1. */
  readonly counter: number;
  readonly strategy: Strategy;
  readonly workload: Workload;
}

interface BodyOp {
  readonly op: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** For cas: the body index to jump to on failure; for list access: the capacity. */
  readonly d: number;
  readonly text: string;
  readonly line: number;
  readonly touches: string | null;
}

const op = (o: number, a: number, b: number, c: number, d: number, text: string, line: number, touches: string | null): BodyOp => ({
  op: o,
  a,
  b,
  c,
  d,
  text,
  line,
  touches,
});

/** Memory being laid out: regions in order of first use. */
class Layout {
  readonly regions: MemoryRegion[] = [];
  readonly init: number[] = [];
  word(name: string, kind: 'word' | 'mutex' = 'word'): number {
    const found = this.regions.find((r) => r.name === name);
    if (found) return found.base;
    const base = this.init.length;
    this.regions.push({ name, kind, base, capacity: 0 });
    this.init.push(0);
    return base;
  }
  list(name: string, contents: readonly number[], capacity: number): number {
    const found = this.regions.find((r) => r.name === name);
    if (found) return found.base;
    const base = this.init.length;
    this.regions.push({ name, kind: 'list', base, capacity });
    this.init.push(contents.length);
    for (let i = 0; i < capacity; i++) this.init.push(contents[i] ?? 0);
    return base;
  }
}

/** The body of `name += delta` under a strategy, with lock words taken from the layout. */
function counterBody(strategy: Strategy, name: string, delta: number, mem: Layout): { source: string[]; ops: BodyOp[] } {
  const x = mem.word(name);
  const sign = delta >= 0 ? '+' : '-';
  const line = `${name} ${sign}= ${Math.abs(delta)}`;
  switch (strategy) {
    case 'nonatomic':
      return {
        source: [line],
        ops: [
          op(OP.load, 0, x, -1, 0, `load r0, [${name}]`, 0, name),
          op(OP.add, 0, 0, delta, 0, `add r0, ${delta}`, 0, null),
          op(OP.store, 0, x, -1, 0, `store [${name}], r0`, 0, name),
        ],
      };
    case 'atomic':
      return { source: [`atomic: ${line}`], ops: [op(OP.fetchAdd, -1, x, delta, 0, `fetch_add [${name}], ${delta}`, 0, name)] };
    case 'cas':
      return {
        source: ['do { old = ' + name, `     new = old ${sign} ${Math.abs(delta)}`, `} while (!cas(${name}, old, new))`],
        ops: [
          op(OP.load, 0, x, -1, 0, `load r0, [${name}]`, 0, name),
          op(OP.add, 1, 0, delta, 0, `add r1, r0, ${delta}`, 1, null),
          op(OP.cas, 0, x, 1, 0, `cas [${name}], r0, r1`, 2, name),
        ],
      };
    case 'mutex':
    case 'spinlock': {
      const spin = strategy === 'spinlock';
      const m = mem.word('m', 'mutex');
      return {
        source: [spin ? 'spin_lock(m)' : 'lock(m)', line, spin ? 'spin_unlock(m)' : 'unlock(m)'],
        ops: [
          op(spin ? OP.spinLock : OP.lock, -1, m, 0, 0, spin ? 'spin_lock m' : 'lock m', 0, 'm'),
          op(OP.load, 0, x, -1, 0, `load r0, [${name}]`, 1, name),
          op(OP.add, 0, 0, delta, 0, `add r0, ${delta}`, 1, null),
          op(OP.store, 0, x, -1, 0, `store [${name}], r0`, 1, name),
          op(spin ? OP.spinUnlock : OP.unlock, -1, m, 0, 0, spin ? 'spin_unlock m' : 'unlock m', 2, 'm'),
        ],
      };
    }
  }
}

/**
 * `to.append(from.pop())` as two source lines and eight micro-ops: pop reads the length,
 * computes the last index, reads the item and stores the shorter length; append reads the
 * length, stores the item there and stores the longer length. A thread preempted between a
 * read of a length and its store makes the other thread's change vanish: items get
 * duplicated and lost. Under mutex/spinlock the whole line pair is one critical section.
 */
function appendPopBody(strategy: Strategy, thread: number, iterations: number, threads: number, mem: Layout): { source: string[]; ops: BodyOp[] } {
  const cap = iterations * (threads + 1) + 1;
  const n = iterations;
  const l1 = mem.list('l1', Array.from({ length: n }, (_, i) => 10 + i), cap);
  const l2 = mem.list('l2', Array.from({ length: n }, (_, i) => 20 + i), cap);
  const [to, toName, from, fromName] = thread % 2 === 0 ? [l1, 'l1', l2, 'l2'] : [l2, 'l2', l1, 'l1'];
  const locked = strategy === 'mutex' || strategy === 'spinlock';
  const shift = locked ? 1 : 0;
  const ops: BodyOp[] = [
    op(OP.load, 0, from, -1, 0, `load r0, [${fromName}.len]`, shift, `${fromName}.len`),
    op(OP.add, 0, 0, -1, 0, 'add r0, -1', shift, null),
    op(OP.load, 1, from + 1, 0, cap, `load r1, [${fromName} + r0]`, shift, fromName),
    op(OP.store, 0, from, -1, 0, `store [${fromName}.len], r0`, shift, `${fromName}.len`),
    op(OP.load, 0, to, -1, 0, `load r0, [${toName}.len]`, shift + 1, `${toName}.len`),
    op(OP.store, 1, to + 1, 0, cap, `store [${toName} + r0], r1`, shift + 1, toName),
    op(OP.add, 0, 0, 1, 0, 'add r0, 1', shift + 1, null),
    op(OP.store, 0, to, -1, 0, `store [${toName}.len], r0`, shift + 1, `${toName}.len`),
  ];
  const source = [`x = ${fromName}.pop()`, `${toName}.append(x)`];
  if (!locked) return { source, ops };
  const spin = strategy === 'spinlock';
  const m = mem.word('m', 'mutex');
  return {
    source: [spin ? 'spin_lock(m)' : 'lock(m)', ...source, spin ? 'spin_unlock(m)' : 'unlock(m)'],
    ops: [
      op(spin ? OP.spinLock : OP.lock, -1, m, 0, 0, spin ? 'spin_lock m' : 'lock m', 0, 'm'),
      ...ops,
      op(spin ? OP.spinUnlock : OP.unlock, -1, m, 0, 0, spin ? 'spin_unlock m' : 'unlock m', 3, 'm'),
    ],
  };
}

/** Registers read (uses) and written (defs) by one op, as bit masks. */
function usesDefs(code: Int32Array, pc: number): [number, number] {
  const i = pc * OP_WIDTH;
  const o = code[i]!;
  const a = code[i + 1]!;
  const b = code[i + 2]!;
  const c = code[i + 3]!;
  const bit = (r: number) => (r >= 0 ? 1 << r : 0);
  if (o === OP.load) return [bit(c), bit(a)];
  if (o === OP.add) return [bit(b), bit(a)];
  if (o === OP.store) return [bit(a) | bit(c), 0];
  if (o === OP.cas) return [bit(a) | bit(c), 0];
  return [0, 0];
}

/** Backward liveness over the unrolled code, iterated to a fixpoint (cas jumps backwards). */
function liveness(code: Int32Array, length: number): Uint8Array {
  const live = new Uint8Array(length + 1);
  for (let changed = true; changed; ) {
    changed = false;
    for (let pc = length - 1; pc >= 0; pc--) {
      const [use, def] = usesDefs(code, pc);
      let out = live[pc + 1]!;
      if (code[pc * OP_WIDTH] === OP.cas) out |= live[code[pc * OP_WIDTH + 4]!]!;
      const value = use | (out & ~def);
      if (value !== live[pc]) {
        live[pc] = value;
        changed = true;
      }
    }
  }
  return live;
}

/** The role name of a thread in a workload. */
export function roleOf(workload: Workload, thread: number): string {
  if (workload === 'incdec') return thread % 2 === 0 ? 'incrementer' : 'decrementer';
  if (workload === 'appendpop') return 'append-pop';
  if (workload === 'own') return 'own-counter';
  return 'incrementer';
}

/**
 * Compiles a workload under a strategy into per-thread programs.
 * @param threads - number of threads, ≥ 1
 * @param iterations - loop iterations per thread, ≥ 1
 * @example compile('nonatomic', 'inc', 2, 1).threads[0].body.map((o) => o.text)
 *   // ['load r0, [counter]', 'add r0, 1', 'store [counter], r0']
 */
export function compile(strategy: Strategy, workload: Workload, threads: number, iterations: number): Programs {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`compile: threads must be an integer ≥ 1, got ${threads}`);
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`compile: iterations must be an integer ≥ 1, got ${iterations}`);
  const mem = new Layout();
  const counter = workload === 'inc' || workload === 'incdec' ? mem.word('counter') : -1;
  const programs: ThreadProgram[] = [];
  for (let t = 0; t < threads; t++) {
    const { source, ops } =
      workload === 'appendpop'
        ? appendPopBody(strategy, t, iterations, threads, mem)
        : workload === 'own'
          ? counterBody(strategy, `c${t}`, 1, mem)
          : counterBody(strategy, 'counter', workload === 'incdec' && t % 2 === 1 ? -1 : 1, mem);
    const n = ops.length;
    const length = n * iterations;
    const code = new Int32Array(length * OP_WIDTH);
    for (let k = 0; k < iterations; k++) {
      for (let j = 0; j < n; j++) {
        const o = ops[j]!;
        const at = (k * n + j) * OP_WIDTH;
        code[at] = o.op;
        code[at + 1] = o.a;
        code[at + 2] = o.b;
        code[at + 3] = o.c;
        // A cas fails back to the body's first op of the same iteration.
        code[at + 4] = o.op === OP.cas ? k * n : o.d;
      }
    }
    programs.push({
      id: t,
      role: roleOf(workload, t),
      source,
      body: ops.map((o) => ({ text: o.text, line: o.line, touches: o.touches })),
      iterations,
      code,
      length,
      live: liveness(code, length),
    });
  }
  return { threads: programs, memory: mem.regions, initialMemory: Int32Array.from(mem.init), counter, strategy, workload };
}
