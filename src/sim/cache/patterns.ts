/**
 * Generated access patterns: each calls `sink.access(0, addr, size, isWrite)` in program order
 * (addresses < 2^32 from 0; no allocation per access). Matrices are row-major arrays of
 * `elem`-byte elements (default 8, a double) laid out one after another from address 0.
 */
import { Rng } from '../core/rng';
import type { AccessSink } from './traceText';

/** One numeric parameter of a pattern. */
export interface PatternParam {
  readonly name: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** What it means, with its unit. */
  readonly description: string;
}

/** A pattern's id, label and parameters (for --help and the scene's selects). */
export interface PatternInfo {
  readonly id: PatternId;
  readonly label: string;
  readonly description: string;
  readonly params: readonly PatternParam[];
}

export type PatternId =
  | 'sequential'
  | 'stride'
  | 'random'
  | 'row-major'
  | 'column-major'
  | 'matmul-ijk'
  | 'matmul-ikj'
  | 'matmul-blocked'
  | 'list-sequential'
  | 'list-shuffled';

const ELEM: PatternParam = { name: 'elem', default: 8, min: 1, max: 4096, description: 'element size, bytes' };
const PASSES: PatternParam = { name: 'passes', default: 1, min: 1, max: 1_000_000, description: 'times the whole pattern repeats' };
const BYTES: PatternParam = { name: 'bytes', default: 4096, min: 1, max: 2 ** 31, description: 'array size, bytes' };
const ROWS: PatternParam = { name: 'rows', default: 16, min: 1, max: 65536, description: 'matrix rows' };
const COLS: PatternParam = { name: 'cols', default: 16, min: 1, max: 65536, description: 'matrix columns' };
const N: PatternParam = { name: 'n', default: 16, min: 1, max: 4096, description: 'matrix size (n × n, three matrices A, B, C)' };
const NODES: PatternParam = { name: 'nodes', default: 256, min: 1, max: 2 ** 24, description: 'list nodes' };
const NODE: PatternParam = { name: 'node', default: 16, min: 8, max: 4096, description: 'node size, bytes (each visit reads its 8-byte next pointer)' };

/** Every pattern, in menu order. */
export const PATTERNS: readonly PatternInfo[] = [
  { id: 'sequential', label: 'Sequential sweep', description: 'reads every element of an array in order', params: [BYTES, ELEM, PASSES] },
  { id: 'stride', label: 'Stride S', description: 'reads one element every S bytes', params: [BYTES, { name: 'stride', default: 64, min: 1, max: 2 ** 30, description: 'distance between accesses, bytes' }, ELEM, PASSES] },
  { id: 'random', label: 'Random over a working set', description: 'reads elements at seeded random, element-aligned offsets in W bytes', params: [{ name: 'working', default: 4096, min: 1, max: 2 ** 31, description: 'working set W, bytes' }, { name: 'count', default: 4096, min: 1, max: 2 ** 31, description: 'accesses' }, ELEM] },
  { id: 'row-major', label: 'Row-major traversal', description: 'reads an R×C matrix row by row (contiguous)', params: [ROWS, COLS, ELEM, PASSES] },
  { id: 'column-major', label: 'Column-major traversal', description: 'reads an R×C matrix column by column (a stride of C × elem)', params: [ROWS, COLS, ELEM, PASSES] },
  { id: 'matmul-ijk', label: 'Matrix multiply, ijk', description: 'C[i][j] += A[i][k] × B[k][j], k innermost: reads C, then A and B per k, writes C', params: [N, ELEM] },
  { id: 'matmul-ikj', label: 'Matrix multiply, ikj', description: 'k in the middle: reads A[i][k], then per j reads B[k][j], reads and writes C[i][j]', params: [N, ELEM] },
  { id: 'matmul-blocked', label: 'Matrix multiply, blocked', description: 'ikj over b×b tiles (ii, kk, jj outer)', params: [N, { name: 'block', default: 4, min: 1, max: 4096, description: 'tile size b' }, ELEM] },
  { id: 'list-sequential', label: 'Linked list, nodes in order', description: 'chases next pointers through nodes laid out in visiting order', params: [NODES, NODE, PASSES] },
  { id: 'list-shuffled', label: 'Linked list, shuffled nodes', description: 'chases next pointers through nodes in a seeded random order (one cycle)', params: [NODES, NODE, PASSES] },
];

/** The pattern with this id, or undefined. */
export function patternInfo(id: string): PatternInfo | undefined {
  return PATTERNS.find((p) => p.id === id);
}

/**
 * Checks and completes parameters (missing ones take their defaults).
 * @returns the full parameter set, or problems like `rows: must be an integer from 1 to 65536`
 */
export function resolvePatternParams(id: string, given: Readonly<Record<string, number>>): { ok: true; params: Record<string, number> } | { ok: false; problems: string[] } {
  const info = patternInfo(id);
  if (info === undefined) return { ok: false, problems: [`pattern: unknown pattern "${id}" (known: ${PATTERNS.map((p) => p.id).join(', ')})`] };
  const problems: string[] = [];
  const params: Record<string, number> = {};
  for (const p of info.params) {
    const v = given[p.name] ?? p.default;
    if (!(Number.isInteger(v) && v >= p.min && v <= p.max)) problems.push(`${p.name}: must be an integer from ${p.min} to ${p.max}, got ${v}`);
    params[p.name] = v;
  }
  for (const key of Object.keys(given)) if (!info.params.some((p) => p.name === key)) problems.push(`${key}: not a parameter of ${id} (it takes ${info.params.map((p) => p.name).join(', ')})`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, params };
}

/** Thrown inside a generator to stop it once the access budget is spent. */
class Budget {
  left: number;
  constructor(max: number) {
    this.left = max;
  }
}
const STOP = new Error('pattern budget spent');

/**
 * Runs a pattern into `sink`.
 * @param params - complete parameters (see {@link resolvePatternParams})
 * @param seed - for 'random' and 'list-shuffled'
 * @param maxAccesses - stop after this many accesses (default: no limit)
 * @returns accesses made
 */
export function runPattern(id: PatternId, params: Readonly<Record<string, number>>, sink: AccessSink, seed = 1, maxAccesses = Infinity): number {
  const budget = new Budget(maxAccesses);
  let made = 0;
  const touch = (addr: number, size: number, isWrite: boolean): void => {
    if (budget.left <= 0) throw STOP;
    budget.left--;
    made++;
    sink.access(Math.floor(addr / 4294967296), addr >>> 0, size, isWrite);
  };
  const p = (name: string): number => params[name] as number;
  try {
    generate(id, p, touch, seed);
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return made;
}

function generate(id: PatternId, p: (name: string) => number, touch: (addr: number, size: number, isWrite: boolean) => void, seed: number): void {
  switch (id) {
    case 'sequential':
    case 'stride': {
      const elem = p('elem');
      const step = id === 'stride' ? p('stride') : elem;
      const bytes = p('bytes');
      for (let pass = 0; pass < p('passes'); pass++) for (let a = 0; a + elem <= bytes; a += step) touch(a, elem, false);
      return;
    }
    case 'random': {
      const rng = new Rng(seed);
      const elem = p('elem');
      const slots = Math.max(1, Math.floor(p('working') / elem));
      for (let i = 0; i < p('count'); i++) touch(rng.int(slots) * elem, elem, false);
      return;
    }
    case 'row-major':
    case 'column-major': {
      const rows = p('rows');
      const cols = p('cols');
      const elem = p('elem');
      for (let pass = 0; pass < p('passes'); pass++) {
        if (id === 'row-major') for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) touch((i * cols + j) * elem, elem, false);
        else for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) touch((i * cols + j) * elem, elem, false);
      }
      return;
    }
    case 'matmul-ijk':
    case 'matmul-ikj':
    case 'matmul-blocked': {
      const n = p('n');
      const elem = p('elem');
      const A = (i: number, k: number): number => (i * n + k) * elem;
      const B = (k: number, j: number): number => (n * n + k * n + j) * elem;
      const C = (i: number, j: number): number => (2 * n * n + i * n + j) * elem;
      if (id === 'matmul-ijk') {
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            touch(C(i, j), elem, false);
            for (let k = 0; k < n; k++) {
              touch(A(i, k), elem, false);
              touch(B(k, j), elem, false);
            }
            touch(C(i, j), elem, true);
          }
        }
        return;
      }
      const b = id === 'matmul-blocked' ? p('block') : n;
      for (let ii = 0; ii < n; ii += b) {
        for (let kk = 0; kk < n; kk += b) {
          for (let jj = 0; jj < n; jj += b) {
            for (let i = ii; i < Math.min(ii + b, n); i++) {
              for (let k = kk; k < Math.min(kk + b, n); k++) {
                touch(A(i, k), elem, false);
                for (let j = jj; j < Math.min(jj + b, n); j++) {
                  touch(B(k, j), elem, false);
                  touch(C(i, j), elem, false);
                  touch(C(i, j), elem, true);
                }
              }
            }
          }
        }
      }
      return;
    }
    case 'list-sequential':
    case 'list-shuffled': {
      const nodes = p('nodes');
      const node = p('node');
      const order = new Int32Array(nodes);
      for (let i = 0; i < nodes; i++) order[i] = i;
      if (id === 'list-shuffled') {
        // Node 0 first, the rest in a seeded Fisher–Yates order: one cycle through every node.
        const rng = new Rng(seed);
        for (let i = nodes - 1; i > 1; i--) {
          const j = 1 + rng.int(i);
          const t = order[i] as number;
          order[i] = order[j] as number;
          order[j] = t;
        }
      }
      for (let pass = 0; pass < p('passes'); pass++) for (let i = 0; i < nodes; i++) touch((order[i] as number) * node, 8, false);
      return;
    }
  }
}
