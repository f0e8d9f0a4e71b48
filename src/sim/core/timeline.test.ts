import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine, type Model, type TraceRecord } from './engine';
import { Timeline } from './timeline';
import { agentsModel } from './agentsModel';
import type { Nanos } from './units';

interface Rec extends TraceRecord {
  readonly kind: 'tick' | 'tock' | 'start';
  readonly n: number;
}

/**
 * Hand-worked model: init emits 'start' and schedules tick 1 at t=2. Tick n (at t = 2n) emits
 * 'tick' n, and also 'tock' n when n is even, then schedules tick n+1 at +2 ns, up to tick 5.
 *   step 0 (t=0): start
 *   step 1 (t=2): tick1
 *   step 2 (t=4): tick2, tock2
 *   step 3 (t=6): tick3
 *   step 4 (t=8): tick4, tock4
 *   step 5 (t=10): tick5
 */
const ticks: Model<{ n: number }, number, Rec> = {
  init(ctx) {
    ctx.emit({ t: ctx.now, kind: 'start', n: 0 });
    ctx.schedule(2 as Nanos, 1);
    return { n: 0 };
  },
  handle(state, n, ctx) {
    state.n = n;
    ctx.emit({ t: ctx.now, kind: 'tick', n });
    if (n % 2 === 0) ctx.emit({ t: ctx.now, kind: 'tock', n });
    if (n < 5) ctx.schedule(2 as Nanos, n + 1);
  },
  clone: (s) => ({ ...s }),
};

describe('Timeline', () => {
  it('records times, records and counts per step (hand-worked)', () => {
    const tl = new Timeline(ticks, 0, { snapshotEvery: 2 });
    expect(tl.length).toBe(0);
    expect(tl.done).toBe(false);
    expect(tl.extend(3)).toEqual({ added: 3, done: false });
    expect(tl.extend(100)).toEqual({ added: 2, done: true });
    expect(tl.length).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((s) => tl.timeAt(s))).toEqual([0, 2, 4, 6, 8, 10]);
    expect([-1, 0, 1.9, 2, 5, 9.99, 10, 1e9].map((t) => tl.stepAtTime(t as Nanos))).toEqual([0, 0, 0, 1, 2, 4, 5, 5]);
    const name = (r: Rec): string => `${r.kind}${r.n}@${r.t}`;
    expect(tl.recordsBetween(-1, 0).map(name)).toEqual(['start0@0']);
    expect(tl.recordsBetween(0, 0)).toEqual([]);
    expect(tl.recordsBetween(1, 4).map(name)).toEqual(['tick2@4', 'tock2@4', 'tick3@6', 'tick4@8', 'tock4@8']);
    expect(tl.recordsBetween(-1, 99).length).toBe(8); // 1 start + 5 ticks + 2 tocks
    expect(tl.recordsBetween(3, 2)).toEqual([]);
    expect(tl.countsAt(0)).toEqual({ start: 1 });
    expect(tl.countsAt(1)).toEqual({ start: 1, tick: 1 });
    expect(tl.countsAt(3)).toEqual({ start: 1, tick: 3, tock: 1 });
    expect(tl.countsAt(5)).toEqual({ start: 1, tick: 5, tock: 2 });
    expect([0, 1, 2, 3, 4, 5, 3, 1, 4].map((s) => tl.stateAt(s).n)).toEqual([0, 1, 2, 3, 4, 5, 3, 1, 4]);
    expect(() => tl.stateAt(6)).toThrow(RangeError);
    expect(() => tl.timeAt(-1)).toThrow(RangeError);
  });

  it('stateAt returns a copy the caller may mutate', () => {
    const tl = new Timeline(ticks, 0);
    tl.extend(10);
    const s = tl.stateAt(2);
    s.n = 99;
    expect(tl.stateAt(2).n).toBe(2);
  });

  it('stateAt(n − k) then stateAt(n) equals a fresh run of n steps (time travel law)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 16 }),
        fc.nat(400),
        fc.nat(400),
        (seed, every, nRaw, kRaw) => {
          const tl = new Timeline(agentsModel(3, 60), seed, { snapshotEvery: every });
          tl.extend(1000);
          expect(tl.done).toBe(true);
          const n = nRaw % (tl.length + 1);
          const k = kRaw % (n + 1);
          const first = tl.stateAt(n);
          const back = tl.stateAt(n - k);
          const again = tl.stateAt(n);
          const fresh = new Engine(agentsModel(3, 60), seed);
          for (let i = 0; i < n; i++) fresh.step();
          expect(again).toEqual(fresh.state);
          expect(again).toEqual(first);
          const freshBack = new Engine(agentsModel(3, 60), seed);
          freshBack.run({ maxEvents: n - k });
          expect(back).toEqual(freshBack.state);
          expect(tl.timeAt(n)).toBe(fresh.now);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('countsAt agrees with counting recordsBetween', () => {
    const tl = new Timeline(agentsModel(4, 20), 5, { snapshotEvery: 7 });
    tl.extend(1000);
    for (const step of [0, 1, 13, 40, tl.length]) {
      const counts: Record<string, number> = {};
      for (const r of tl.recordsBetween(-1, step)) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
      expect(tl.countsAt(step)).toEqual(counts);
    }
    expect(tl.countsAt(tl.length).wake).toBe(80); // 4 agents × 20 wakes
  });
});
