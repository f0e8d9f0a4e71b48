/**
 * Comparing CPython's `sys.getsizeof(list)` after each append with a model's capacities.
 * CPython's list over-allocation (Objects/listobject.c, list_resize) changed in 3.9; both rules
 * are here so the panel can say which one an interpreter follows.
 */

/** 64-bit CPython: an empty list object is 56 bytes, each slot of capacity 8 more. */
export const LIST_HEADER_BYTES = 56;
export const SLOT_BYTES = 8;

export type ListGrowthRule = '3.9+' | '3.8-';

/** Capacity after growing to hold `n`: 3.9+ rounds (n + n/8 + 6) down to a multiple of 4; up to 3.8, n + n/8 + (3 or 6). */
export function grownCapacity(rule: ListGrowthRule, n: number): number {
  return rule === '3.9+' ? (n + (n >> 3) + 6) & ~3 : n + (n >> 3) + (n < 9 ? 3 : 6);
}

/** sys.getsizeof of a list after each of `appends` appends to an empty list. */
export function listSizesByRule(rule: ListGrowthRule, appends: number): number[] {
  let capacity = 0;
  const out: number[] = [];
  for (let n = 1; n <= appends; n++) {
    if (n > capacity) capacity = grownCapacity(rule, n);
    out.push(LIST_HEADER_BYTES + SLOT_BYTES * capacity);
  }
  return out;
}

/** The rule a CPython version uses by its source; null for other implementations or unknown versions. */
export function ruleOf(implementation: string | null, version: string | null): ListGrowthRule | null {
  const m = /^3\.(\d+)/.exec(version ?? '');
  if (implementation !== 'CPython' || !m) return null;
  return Number(m[1]) >= 9 ? '3.9+' : '3.8-';
}

/** Index of the first append where two size sequences differ, -1 when they agree over the shorter. */
export function firstDifference(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Sizes as runs of equal values, e.g. 88 ×4, 120 ×4, 184 ×8. */
export function runsOf(sizes: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < sizes.length; ) {
    let j = i;
    while (j < sizes.length && sizes[j] === sizes[i]) j++;
    out.push(j - i > 1 ? `${sizes[i]} ×${j - i}` : String(sizes[i]));
    i = j;
  }
  return out.join(', ');
}

/** One row of the op-by-op comparison: a run of one op, Python's sizes after each, the model's. */
export interface ProgramRow {
  readonly op: string;
  readonly count: number;
  /** Index of the run's first op in the whole program. */
  readonly from: number;
  readonly python: readonly number[];
  readonly model: readonly number[];
  /** Index within the row of the first op where they differ, -1 when they agree exactly. */
  readonly differsAt: number;
}

/** Cuts the program's per-op sizes (Python's and the model's) into rows, one per run of an op. */
export function programRows(program: readonly { readonly op: string; readonly count: number }[], python: readonly number[], model: readonly number[]): ProgramRow[] {
  const rows: ProgramRow[] = [];
  let from = 0;
  for (const { op, count } of program) {
    const p = python.slice(from, from + count);
    const m = model.slice(from, from + count);
    const d = p.length !== count || m.length !== count ? Math.min(p.length, m.length) : firstDifference(p, m);
    rows.push({ op, count, from, python: p, model: m, differsAt: d });
    from += count;
  }
  return rows;
}

const RULE_WORDS: Record<ListGrowthRule, string> = {
  '3.9+': 'the 3.9+ list growth rule, (n + n/8 + 6) rounded down to a multiple of 4 slots',
  '3.8-': 'the pre-3.9 list growth rule, n + n/8 + 3 (or + 6 from 9 items) slots',
};

/** What to say when the interpreter is not the version the model is of. */
export function versionNote(implementation: string | null, version: string | null, modelled: string, rule: ListGrowthRule | null, anyDiffers: boolean): string | null {
  if (version !== null && (version.startsWith(`${modelled}.`) || version === modelled)) return null;
  if (rule === null || version === null) return `${implementation ?? 'This Python'} ${version ?? ''} is not CPython ${modelled}: its lists and deques follow their own rules, so the model of CPython ${modelled} need not agree.`;
  return anyDiffers
    ? `This is CPython ${version}, the model is of CPython ${modelled}: ${version} uses ${RULE_WORDS[rule]}; where a row differs, this version's objects or rules differ from ${modelled}'s.`
    : `This is CPython ${version}, the model is of CPython ${modelled}: ${version} uses ${RULE_WORDS[rule]}, and every size agrees here.`;
}
