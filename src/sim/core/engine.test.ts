import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine, type Model, type TraceRecord } from './engine';
import { hashJson } from './hash';
import { agentsModel, type AgentRecord } from './agentsModel';
import { trivialModel } from './trivialModel';
import type { Nanos } from './units';

const ns = (n: number): Nanos => n as Nanos;

interface Rec extends TraceRecord {
  readonly name: string;
}
type Ev = { name: string; then?: { delay: number; name: string; priority?: number }[] };

/** Each event logs "t:name" and schedules its follow-ups. */
const scripted = (initial: { at: number; ev: Ev; priority?: number }[]): Model<string[], Ev, Rec> => ({
  init(ctx) {
    for (const { at, ev, priority } of initial) ctx.schedule(ns(at), ev, priority);
    ctx.emit({ t: ctx.now, kind: 'init', name: 'init' });
    return [];
  },
  handle(log, ev, ctx) {
    log.push(`${ctx.now}:${ev.name}`);
    ctx.emit({ t: ctx.now, kind: 'ev', name: ev.name });
    for (const next of ev.then ?? []) ctx.schedule(ns(next.delay), { name: next.name }, next.priority);
  },
  clone: (log) => [...log],
});

describe('Engine', () => {
  it('processes events by time, then priority, then scheduling order', () => {
    const records: string[] = [];
    const engine = new Engine(
      scripted([
        { at: 10, ev: { name: 'late' } },
        { at: 5, ev: { name: 'p1' }, priority: 1 },
        { at: 5, ev: { name: 'p0-first' } },
        { at: 5, ev: { name: 'p0-second', then: [{ delay: 0, name: 'same-time-child' }, { delay: 5, name: 'tie-with-late', priority: -1 }] } },
      ]),
      1,
      (r, step) => records.push(`${step}@${r.t}:${r.name}`),
    );
    expect(engine.run()).toEqual({ reason: 'empty', steps: 6, now: 10 });
    // At t=5: priority 0 before 1, and among priority 0 the earlier-scheduled first; the child
    // scheduled at 5+0 gets priority 0 and a later seq, so it runs after p0-second but before p1.
    // At t=10: 'tie-with-late' (priority -1) before 'late' (priority 0), though scheduled later.
    expect(engine.state).toEqual(['5:p0-first', '5:p0-second', '5:same-time-child', '5:p1', '10:tie-with-late', '10:late']);
    expect(records).toEqual([
      '0@0:init',
      '1@5:p0-first',
      '2@5:p0-second',
      '3@5:same-time-child',
      '4@5:p1',
      '5@10:tie-with-late',
      '6@10:late',
    ]);
    expect(engine.steps).toBe(6);
    expect(engine.step()).toBe(false);
  });

  it('run stops for until, maxEvents and empty, in that precedence', () => {
    const chain = (n: number): Model<number, number, TraceRecord> => ({
      init(ctx) {
        ctx.schedule(ns(10), 1);
        return 0;
      },
      handle(_s, i, ctx) {
        if (i < n) ctx.schedule(ns(10), i + 1); // events at 10, 20, ..., 10n
      },
      clone: (s) => s,
    });
    const e = new Engine(chain(5), 0);
    expect(e.run({ until: ns(25) })).toEqual({ reason: 'until', steps: 2, now: 25 }); // 10, 20
    expect(e.run({ maxEvents: 2 })).toEqual({ reason: 'maxEvents', steps: 2, now: 40 }); // 30, 40
    expect(e.peek()).toBe(50);
    expect(e.run({ until: ns(50), maxEvents: 0 })).toEqual({ reason: 'maxEvents', steps: 0, now: 40 });
    expect(e.run({ until: ns(50), maxEvents: 1 })).toEqual({ reason: 'empty', steps: 1, now: 50 });
    expect(e.run({ until: ns(70) })).toEqual({ reason: 'empty', steps: 0, now: 70 });
    expect(e.steps).toBe(5);
    expect(() => e.run({ until: ns(60) })).toThrow(RangeError);
  });

  it('refuses to schedule in the past, at a non-finite time, or with a negative delay', () => {
    const e = new Engine(scripted([{ at: 5, ev: { name: 'a' } }]), 0);
    e.run();
    expect(e.now).toBe(5);
    expect(() => e.schedule(ns(4), { name: 'past' })).toThrow(RangeError);
    expect(() => e.schedule(ns(NaN), { name: 'nan' })).toThrow(RangeError);
    expect(() => e.schedule(ns(Infinity), { name: 'inf' })).toThrow(RangeError);
    e.schedule(ns(5), { name: 'now' });
    expect(e.peek()).toBe(5);
    const negative: Model<null, number, TraceRecord> = {
      init: (ctx) => (ctx.schedule(ns(-1), 0), null),
      handle: () => undefined,
      clone: (s) => s,
    };
    expect(() => new Engine(negative, 0)).toThrow(RangeError);
  });

  it('same seed gives the same trace hash; different seeds differ', () => {
    const trace = (seed: number): number => {
      const recs: AgentRecord[] = [];
      const e = new Engine(agentsModel(5, 40), seed, (r) => recs.push(r));
      e.run();
      return hashJson({ recs, state: e.state });
    };
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(trace(seed)).toBe(trace(seed));
        expect(trace(seed)).not.toBe(trace(seed ^ 1));
      }),
      { numRuns: 20 },
    );
  });

  it('snapshot then restore resumes identically, and the snapshot stays reusable', () => {
    const e = new Engine(agentsModel(4, 30), 99);
    e.run({ maxEvents: 37 });
    const snap = e.snapshot();
    e.run();
    const end = { state: e.state, now: e.now, steps: e.steps };
    for (let i = 0; i < 2; i++) {
      e.restore(snap);
      expect(e.steps).toBe(37);
      e.run();
      expect({ state: e.state, now: e.now, steps: e.steps }).toEqual(end);
    }
  });

  it('trivialModel runs exactly eventsTotal events, 1 ns apart', () => {
    const e = new Engine(trivialModel(1000), 3);
    expect(e.run()).toEqual({ reason: 'empty', steps: 1000, now: 1000 });
    expect(e.state.handled).toBe(1000);
    expect(new Engine(trivialModel(0), 3).run()).toEqual({ reason: 'empty', steps: 0, now: 0 });
  });
});
