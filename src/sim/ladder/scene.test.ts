import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../core/engine';
import { hashJson } from '../core/hash';
import { Timeline } from '../core/timeline';
import { getPreset } from '../hardware/presets';
import type { MachineModel } from '../hardware/types';
import type { LadderEvent, LadderParams, LadderRecord, LadderState } from './model';
import { ladderScene } from './scene';

const m2012 = getPreset('2012') as MachineModel;

function runLog(params: LadderParams, machine: MachineModel, seed: number): { records: LadderRecord[]; engine: Engine<LadderState, LadderEvent, LadderRecord> } {
  const records: LadderRecord[] = [];
  const engine = new Engine(ladderScene.model(params, machine), seed, (r) => records.push(r));
  expect(engine.run({ maxEvents: 1000 }).reason).toBe('empty');
  return { records, engine };
}

describe('ladder model', () => {
  it("2012 'memory' route, no jitter: the whole log", () => {
    // Route: cpu-cycle (1 / 3.4 GHz = 0.2941 ns), L1 0.5, L2 7, (no L3 in the table), RAM 100.
    const c = 1 / 3.4;
    const t1 = 0 + c; // leave cycle, enter L1
    const t2 = t1 + 0.5; // 0.794
    const t3 = t2 + 7; // 7.794
    const t4 = t3 + 100; // 107.794
    const { records, engine } = runLog({ preset: '2012', route: 'memory', jitter: 0 }, m2012, 1);
    expect(records).toEqual([
      { t: 0, kind: 'rung.enter', rung: 'cpu-cycle', index: 0 },
      { t: t1, kind: 'rung.leave', rung: 'cpu-cycle', index: 0, ns: c },
      { t: t1, kind: 'rung.enter', rung: 'l1', index: 1 },
      { t: t2, kind: 'rung.leave', rung: 'l1', index: 1, ns: 0.5 },
      { t: t2, kind: 'rung.enter', rung: 'l2', index: 2 },
      { t: t3, kind: 'rung.leave', rung: 'l2', index: 2, ns: 7 },
      { t: t3, kind: 'rung.enter', rung: 'ram', index: 3 },
      { t: t4, kind: 'rung.leave', rung: 'ram', index: 3, ns: 100 },
    ]);
    expect(t4).toBeCloseTo(107.794, 3);
    expect(ladderScene.view(engine.state)).toEqual({
      route: ['cpu-cycle', 'l1', 'l2', 'ram'],
      current: 4,
      enteredAt: t3,
      visits: [
        { rung: 'cpu-cycle', start: 0, end: t1 },
        { rung: 'l1', start: t1, end: t2 },
        { rung: 'l2', start: t2, end: t3 },
        { rung: 'ram', start: t3, end: t4 },
      ],
      elapsed: t4,
    });
  });

  it('routes skip absent rungs', () => {
    const route = (r: LadderParams['route'], m: MachineModel): string[] =>
      ladderScene.view(new Engine(ladderScene.model({ preset: m.id, route: r, jitter: 0 }, m), 0).state).route;
    expect(route('storage', m2012)).toEqual(['l1', 'l2', 'ram', 'ssd-random-4k', 'disk-seek']);
    expect(route('network', m2012)).toEqual(['l1', 'ram', 'send-1kb', 'datacenter-rtt', 'intercontinental-rtt']);
    expect(route('network', getPreset('2020') as MachineModel)).toEqual(['l1', 'ram', 'datacenter-rtt', 'intercontinental-rtt']);
    expect(route('all', m2012)).toHaveLength(15);
    expect(route('memory', getPreset('teaching') as MachineModel)).toEqual(['cpu-cycle', 'l1', 'l2', 'l3', 'ram']);
  });

  it('before the first event the view is at -1 with no visits', () => {
    const e = new Engine(ladderScene.model({ preset: '2012', route: 'memory', jitter: 0 }, m2012), 0);
    expect(ladderScene.view(e.state)).toEqual({ route: ['cpu-cycle', 'l1', 'l2', 'ram'], current: -1, enteredAt: 0, visits: [], elapsed: 0 });
    e.step();
    expect(ladderScene.view(e.state).current).toBe(0);
    expect(ladderScene.view(e.state).visits).toEqual([{ rung: 'cpu-cycle', start: 0, end: null }]);
  });

  it('jitter keeps each visit within latency × (1 ± jitter), deterministically per seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0.01, max: 0.5, noNaN: true }), (seed, jitter) => {
        const params: LadderParams = { preset: '2012', route: 'all', jitter };
        const a = runLog(params, m2012, seed).records;
        expect(hashJson(runLog(params, m2012, seed).records)).toBe(hashJson(a));
        const nominal = new Map([['l1', 0.5], ['ram', 100], ['disk-seek', 10e6]]);
        for (const r of a) {
          const n = r.kind === 'rung.leave' ? nominal.get(r.rung) : undefined;
          if (r.kind === 'rung.leave' && n !== undefined) {
            expect(r.ns).toBeGreaterThanOrEqual(n * (1 - jitter));
            expect(r.ns).toBeLessThan(n * (1 + jitter));
          }
        }
        expect(hashJson(runLog(params, m2012, seed ^ 1).records)).not.toBe(hashJson(a));
      }),
      { numRuns: 30 },
    );
  });

  it('time travel through a ladder run returns the recorded states', () => {
    const tl = new Timeline(ladderScene.model({ preset: '2012', route: 'all', jitter: 0.3 }, m2012), 7, { snapshotEvery: 4 });
    expect(tl.extend(100)).toEqual({ added: 16, done: true }); // 15 rungs → 15 enters + 1 final leave
    expect(tl.countsAt(16)).toEqual({ 'rung.enter': 15, 'rung.leave': 15 });
    expect(ladderScene.view(tl.stateAt(5)).current).toBe(4);
    expect(ladderScene.view(tl.stateAt(16)).current).toBe(15);
  });
});

describe('ladder params', () => {
  it('defaults and round trip', () => {
    expect(ladderScene.id).toBe('latency-ladder');
    expect(ladderScene.parseParams({})).toEqual({ params: { preset: '2012', route: 'all', jitter: 0 }, ignored: [] });
    expect(ladderScene.serializeParams({ preset: 'teaching', route: 'network', jitter: 0.25 })).toEqual({
      preset: 'teaching',
      route: 'network',
      jitter: '0.25',
    });
    fc.assert(
      fc.property(
        fc.constantFrom('2012', '2020', 'teaching', 'this-machine'),
        fc.constantFrom('all', 'memory', 'storage', 'network' as const),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (preset, route, jitter) => {
          const params: LadderParams = { preset, route, jitter };
          expect(ladderScene.parseParams(ladderScene.serializeParams(params))).toEqual({ params, ignored: [] });
        },
      ),
    );
  });

  it('ignores bad values and unknown keys, saying why', () => {
    expect(ladderScene.parseParams({ preset: '1999', route: 'disk', jitter: '0.7', speed: '2' })).toEqual({
      params: { preset: '2012', route: 'all', jitter: 0 },
      ignored: [
        { key: 'preset', reason: 'preset must be one of 2012, 2020, teaching, this-machine' },
        { key: 'route', reason: 'route must be one of all, memory, storage, network' },
        { key: 'jitter', reason: 'jitter must be a number from 0 to 0.5' },
        { key: 'speed', reason: 'unknown parameter' },
      ],
    });
    for (const bad of ['', 'abc', '-0.1', 'NaN', 'Infinity']) {
      expect(ladderScene.parseParams({ jitter: bad }).ignored).toEqual([{ key: 'jitter', reason: 'jitter must be a number from 0 to 0.5' }]);
    }
    expect(ladderScene.parseParams({ preset: 'this-machine', jitter: '0.5' }).params).toEqual({ preset: 'this-machine', route: 'all', jitter: 0.5 });
  });
});
