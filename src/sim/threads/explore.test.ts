import { describe, expect, it } from 'vitest';
import { BudgetExceeded, explore, type ExploreStrategy, type ExploreWorkload } from './explore';
import { compile } from './program';
import { initialState, runnable, step, wordValue } from './machine';

/**
 * An independent brute force: the step model written out again as plain objects (no shared
 * code with the machine), every sequence of thread ids enumerated without memo.
 */
interface BruteThread {
  pc: number; // index within the body
  iter: number;
  r0: number;
  r1: number;
}
function bodyLength(strategy: ExploreStrategy): number {
  return { nonatomic: 3, atomic: 1, cas: 3, mutex: 5 }[strategy];
}
function bruteForce(strategy: ExploreStrategy, workload: ExploreWorkload, threads: number, iterations: number): Map<number, number> {
  const outcomes = new Map<number, number>();
  const delta = (t: number) => (workload === 'incdec' && t % 2 === 1 ? -1 : 1);
  const len = bodyLength(strategy);
  const go = (ts: BruteThread[], counter: number, owner: number): void => {
    let any = false;
    for (let t = 0; t < threads; t++) {
      const th = ts[t]!;
      if (th.iter >= iterations) continue;
      if (strategy === 'mutex' && th.pc === 0 && owner !== -1) continue;
      any = true;
      const copy = ts.map((x) => ({ ...x }));
      const me = copy[t]!;
      let c = counter;
      let o = owner;
      const d = delta(t);
      if (strategy === 'atomic') {
        c += d;
        me.pc = 1;
      } else if (strategy === 'nonatomic') {
        if (me.pc === 0) me.r0 = c;
        else if (me.pc === 1) me.r0 += d;
        else c = me.r0;
        me.pc++;
      } else if (strategy === 'cas') {
        if (me.pc === 0) {
          me.r0 = c;
          me.pc = 1;
        } else if (me.pc === 1) {
          me.r1 = me.r0 + d;
          me.pc = 2;
        } else if (c === me.r0) {
          c = me.r1;
          me.pc = 3;
        } else me.pc = 0; // failed cas: back to the load
      } else {
        if (me.pc === 0) o = t;
        else if (me.pc === 1) me.r0 = c;
        else if (me.pc === 2) me.r0 += d;
        else if (me.pc === 3) c = me.r0;
        else o = -1;
        me.pc++;
      }
      if (me.pc === len) {
        me.pc = 0;
        me.iter++;
      }
      go(copy, c, o);
    }
    if (!any) outcomes.set(counter, (outcomes.get(counter) ?? 0) + 1);
  };
  go(
    Array.from({ length: threads }, () => ({ pc: 0, iter: 0, r0: 0, r1: 0 })),
    0,
    -1,
  );
  return outcomes;
}

/** Replays a schedule on the machine; the final counter value, or throws if a step is invalid. */
function replay(strategy: ExploreStrategy, workload: ExploreWorkload, threads: number, iterations: number, schedule: readonly number[]): number {
  const s = initialState(compile(strategy, workload, threads, iterations));
  for (const t of schedule) step(s, t);
  expect(runnable(s)).toEqual([]);
  return wordValue(s, 'counter');
}

const CASES: [number, number][] = [
  [1, 2],
  [2, 1],
  [2, 2],
  [2, 3],
  [3, 1],
];

describe('explore', () => {
  for (const strategy of ['nonatomic', 'atomic', 'cas', 'mutex'] as const) {
    for (const workload of ['inc', 'incdec'] as const) {
      // cas 2×3 has too many retrying sequences for a brute force without memo (~20 s).
      for (const [threads, iterations] of CASES.filter(([t, k]) => strategy !== 'cas' || t * k < 6)) {
        it(`${strategy} ${workload} ${threads}×${iterations} matches brute force`, () => {
          const brute = bruteForce(strategy, workload, threads, iterations);
          const r = explore({ threads, iterations, strategy, workload, count: true });
          const values = [...brute.keys()].sort((a, b) => a - b);
          expect(r.finalValues).toEqual(values);
          const byFinal: Record<string, bigint> = {};
          let total = 0n;
          for (const v of values) {
            byFinal[String(v)] = BigInt(brute.get(v)!);
            total += BigInt(brute.get(v)!);
          }
          expect(r.interleavingsByFinal).toEqual(byFinal);
          expect(r.interleavingsTotal).toBe(total);
          for (const v of values) expect(replay(strategy, workload, threads, iterations, r.witnesses[String(v)]!)).toBe(v);
          // Without counting the explorer applies partial-order reduction: same finals, fewer states.
          const reduced = explore({ threads, iterations, strategy, workload });
          expect(reduced.finalValues).toEqual(values);
          expect(reduced.states).toBeLessThanOrEqual(r.states);
          for (const v of values) expect(replay(strategy, workload, threads, iterations, reduced.witnesses[String(v)]!)).toBe(v);
          if (strategy !== 'nonatomic') {
            // Atomic, CAS and mutex never lose an update: one outcome, the sum of the deltas.
            let expected = 0;
            for (let t = 0; t < threads; t++) expected += workload === 'incdec' && t % 2 === 1 ? -iterations : iterations;
            expect(r.finalValues).toEqual([expected]);
          }
        });
      }
    }
  }

  it('counts 2 threads × 1 non-atomic increment by hand', () => {
    // Each thread runs load, add, store: 3 + 3 steps, so C(6,3) = 20 interleavings. The final
    // value is 2 only when one thread's store comes before the other's load, which forces all
    // of one thread before all of the other: AAABBB and BBBAAA, 2 interleavings. The other
    // 18 overlap, both threads load 0 and store 1.
    const r = explore({ threads: 2, iterations: 1, strategy: 'nonatomic', count: true });
    expect(r.interleavingsTotal).toBe(20n);
    expect(r.interleavingsByFinal).toEqual({ '1': 18n, '2': 2n });
    // incdec: the 2 serial orders give 0; of the 18 overlapping ones the last store wins, and
    // by symmetry half end on the incrementer's store (1) and half on the decrementer's (-1).
    const d = explore({ threads: 2, iterations: 1, strategy: 'nonatomic', workload: 'incdec', count: true });
    expect(d.interleavingsByFinal).toEqual({ '-1': 9n, '0': 2n, '1': 9n });
    // cas: the 18 overlapping prefixes each end with one failed cas and one forced 3-step retry.
    const c = explore({ threads: 2, iterations: 1, strategy: 'cas', count: true });
    expect(c.interleavingsTotal).toBe(20n);
    // mutex: whoever locks first runs all 5 steps; the other is not schedulable meanwhile.
    const m = explore({ threads: 2, iterations: 1, strategy: 'mutex', count: true });
    expect(m.interleavingsTotal).toBe(2n);
  });

  it('2 threads × K non-atomic increments reach every value from 2 to 2K', () => {
    for (let k = 2; k <= 6; k++) {
      const r = explore({ threads: 2, iterations: k, strategy: 'nonatomic' });
      expect(r.finalValues).toEqual(Array.from({ length: 2 * k - 1 }, (_, i) => i + 2));
      for (const v of r.finalValues) expect(replay('nonatomic', 'inc', 2, k, r.witnesses[String(v)]!)).toBe(v);
    }
  });

  it('explores 3 threads × 4 non-atomic increments completely, with and without reduction', () => {
    const r = explore({ threads: 3, iterations: 4, strategy: 'nonatomic' });
    expect(r.finalValues).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const v of r.finalValues) expect(replay('nonatomic', 'inc', 3, 4, r.witnesses[String(v)]!)).toBe(v);
    const full = explore({ threads: 3, iterations: 4, strategy: 'nonatomic', count: true });
    expect(full.finalValues).toEqual(r.finalValues);
    expect(full.states).toBe(191687);
    // Every interleaving of 3 × 12 steps: 36! / (12!)^3. The value 12 needs every increment's
    // load..store to run as one block (any overlap loses one): 12 blocks, 4 per thread,
    // 12! / (4!)^3 = 34,650 orders.
    expect(full.interleavingsTotal).toBe(3384731762521200n);
    expect(full.interleavingsByFinal!['12']).toBe(34650n);
    expect(r.states).toBeLessThan(full.states);
  });

  it('counts beyond 2^53 exactly', () => {
    // With atomic fetch_add every step is one op: T threads × K ops give the multinomial
    // (TK)! / (K!)^T interleavings. 4 × 12: 48! / (12!)^4, computed here with BigInt.
    const fact = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * fact(n - 1));
    const r = explore({ threads: 4, iterations: 12, strategy: 'atomic', count: true });
    const expected = fact(48) / fact(12) ** 4n;
    expect(expected > 2n ** 53n).toBe(true);
    expect(r.interleavingsTotal).toBe(expected);
    expect(r.interleavingsByFinal).toEqual({ '48': expected });
  });

  it('throws BudgetExceeded past maxStates', () => {
    expect(() => explore({ threads: 3, iterations: 4, strategy: 'nonatomic', maxStates: 1000 })).toThrow(BudgetExceeded);
    expect(() => explore({ threads: 3, iterations: 4, strategy: 'nonatomic', maxStates: 1000 })).toThrow(/more than 1000 states/);
  });
});
