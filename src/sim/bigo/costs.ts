/**
 * What an operation costs as the data grows, counted (not timed): the cost curves of n ops on a
 * list or deque (from {@link ListModel}/{@link DequeModel}), strings built by `+` vs `''.join`,
 * tuple vs list sizes, and the three anagram checks. Every count is a whole number of element
 * moves, character copies, comparisons or allocations; sizes are bytes (64-bit CPython 3.11).
 */
import { DequeModel, LIST_HEADER_BYTES, ListModel, SLOT_BYTES, type BigOOp, type DequeOp, type ListOp, type StructureId } from './structures';

/** A cost curve point: after n ops, the cumulative cost (slot writes + moves + realloc copies). */
export interface CurvePoint {
  readonly n: number;
  readonly cost: number;
}

/** Largest N for a cost curve (the model runs every op). */
export const MAX_CURVE_N = 1 << 20;

/**
 * The cost of `n` times the same op, for n = 1, 2, 4, … up to N (and N): every op writes or clears
 * one slot (1), plus the slots it shifts (`moved`), plus the slots a reallocation copies (when
 * `realloc` moves the block: the worst case). Appends start from an empty structure; pops from a
 * structure of n elements (built first, not counted), so "n pops" empties it.
 */
export function costCurve(structure: StructureId, op: BigOOp, maxN: number): CurvePoint[] {
  if (!Number.isInteger(maxN) || maxN < 1 || maxN > MAX_CURVE_N) throw new RangeError(`N must be an integer from 1 to ${MAX_CURVE_N}`);
  const pop = op === 'pop' || op === 'pop0' || op === 'popleft';
  const ns: number[] = [];
  for (let n = 1; n < maxN; n *= 2) ns.push(n);
  ns.push(maxN);
  if (!pop) {
    const points: CurvePoint[] = [];
    const list = new ListModel();
    const deque = new DequeModel();
    let cost = 0;
    for (let n = 1; n <= maxN; n++) {
      const s = structure === 'list' ? list.apply(op as ListOp) : deque.apply(op as DequeOp);
      cost += 1 + s.moved + s.copied;
      if (n === ns[points.length]) points.push({ n, cost });
    }
    return points;
  }
  return ns.map((n) => {
    const list = new ListModel();
    const deque = new DequeModel();
    const apply = (o: BigOOp) => (structure === 'list' ? list.apply(o as ListOp) : deque.apply(o as DequeOp));
    for (let k = 0; k < n; k++) apply('append');
    let cost = 0;
    for (let k = 0; k < n; k++) {
      const s = apply(op);
      cost += 1 + s.moved + s.copied;
    }
    return { n, cost };
  });
}

/** Points from this n on are fitted: below it, constant overheads (the first slots) bend the curve. */
export const FIT_FROM_N = 64;

/** Least-squares slope of log(cost) against log(n) over the points with n ≥ `fromN`: the exponent k in cost ≈ c·nᵏ. */
export function logLogSlope(points: readonly CurvePoint[], fromN = 1): number {
  const pts = points.filter((p) => p.n >= fromN && p.n > 0 && p.cost > 0);
  if (pts.length < 2) return NaN;
  const xs = pts.map((p) => Math.log(p.n));
  const ys = pts.map((p) => Math.log(p.cost));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxy / sxx;
}

/** Strings: the characters copied and the strings allocated to build one of `n` pieces. */
export interface StringCost {
  /** `s = s + t` with another reference to `s` alive: each step copies the whole new string. */
  readonly concat: { readonly copies: number; readonly allocs: number };
  /** `''.join(parts)`: sums the lengths, allocates once, copies each piece once. */
  readonly join: { readonly copies: number; readonly allocs: number };
  /**
   * `s += t` when `s` has one reference: CPython resizes the string in place (`unicode_concatenate`
   * → `PyUnicode_Append` → `resize_compact`), copying only `t` — unless `realloc` has to move the
   * block, which the allocator decides. An exception, not a guarantee (PEP 8: use join).
   */
  readonly inPlace: { readonly copies: number; readonly resizes: number };
  /** Bytes of the final ASCII string: `sys.getsizeof` = 49 + length. */
  readonly bytes: number;
}

/** `sys.getsizeof('')` for a compact ASCII string in 64-bit CPython 3.11. */
export const STR_HEADER_BYTES = 49;

/** Costs of building a string from `n` pieces of `pieceLen` characters each. */
export function stringCost(n: number, pieceLen = 1): StringCost {
  // Step k (1..n) makes a new string of k·pieceLen characters: Σ = pieceLen·n(n+1)/2.
  const concat = { copies: (pieceLen * n * (n + 1)) / 2, allocs: n };
  const join = { copies: pieceLen * n, allocs: 1 };
  return { concat, join, inPlace: { copies: pieceLen * n, resizes: n }, bytes: STR_HEADER_BYTES + pieceLen * n };
}

/** Sizes of n elements as a tuple and as lists (bytes, as `sys.getsizeof` shows them). */
export interface ContainerSizes {
  readonly n: number;
  /** `tuple`: fixed size, no over-allocation: 40 + 8n. */
  readonly tuple: number;
  /** A list made at its size (`[0] * n`, a literal): 56 + 8n. */
  readonly listExact: number;
  /** A list grown by n appends: 56 + 8 · capacity. */
  readonly listAppended: number;
  /** Slots the appended list holds beyond n. */
  readonly spareSlots: number;
}

/** `sys.getsizeof(())` in 64-bit CPython 3.11. */
export const TUPLE_HEADER_BYTES = 40;

export function containerSizes(n: number): ContainerSizes {
  const l = new ListModel();
  for (let k = 0; k < n; k++) l.apply('append');
  return { n, tuple: TUPLE_HEADER_BYTES + SLOT_BYTES * n, listExact: LIST_HEADER_BYTES + SLOT_BYTES * n, listAppended: LIST_HEADER_BYTES + SLOT_BYTES * l.allocated, spareSlots: l.allocated - n };
}

/** Operation counts of the three anagram checks on two words of n letters. */
export interface AnagramCost {
  readonly n: number;
  /** sorted(a) == sorted(b): comparisons of a merge sort on each word, plus the n-letter compare. */
  readonly sort: number;
  /** Count letters: n increments per word, then one compare per letter of the alphabet (26). */
  readonly count: number;
  /** Every permutation of a compared with b (n! permutations × n letters, the worst case). */
  readonly permutations: number;
}

/** Comparisons a top-down merge sort makes on `items` (counted by running it). */
export function mergeSortComparisons(items: readonly number[]): number {
  let comparisons = 0;
  const sort = (a: number[]): number[] => {
    if (a.length < 2) return a;
    const mid = a.length >> 1;
    const l = sort(a.slice(0, mid));
    const r = sort(a.slice(mid));
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < l.length && j < r.length) {
      comparisons++;
      out.push(l[i]! <= r[j]! ? l[i++]! : r[j++]!);
    }
    while (i < l.length) out.push(l[i++]!);
    while (j < r.length) out.push(r[j++]!);
    return out;
  };
  sort([...items]);
  return comparisons;
}

/** n! as a float (exact up to 18!). */
export function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/**
 * The three anagram checks on a word of n letters and its reverse (a worst case for none of
 * them in particular; the letters cycle through the alphabet). Counts are element operations.
 */
export function anagramCost(n: number): AnagramCost {
  const word = Array.from({ length: n }, (_, k) => (k * 7) % 26);
  const reversed = [...word].reverse();
  const sort = mergeSortComparisons(word) + mergeSortComparisons(reversed) + n;
  const count = 2 * n + 26;
  return { n, sort, count, permutations: factorial(n) * n };
}
