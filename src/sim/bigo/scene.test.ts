import { describe, expect, it } from 'vitest';
import { Engine } from '../core/engine';
import { getPreset } from '../hardware/presets';
import { BIGO_PARAMS, bigoScene, DEFAULT_OPS, mixOps, specOf, type BigORecord, type BigOView } from './scene';

const machine = getPreset('2020')!;

function run(raw: Record<string, string>, seed = 1): { view: BigOView; records: BigORecord[]; views: BigOView[] } {
  const { params, ignored } = bigoScene.parseParams(raw);
  expect(ignored).toEqual([]);
  const records: BigORecord[] = [];
  const engine = new Engine(bigoScene.model(params, machine), seed, (r) => void records.push(r));
  const views: BigOView[] = [];
  while (engine.run({ maxEvents: 1 }).reason !== 'empty') views.push(bigoScene.view(engine.state));
  return { view: bigoScene.view(engine.state), records, views };
}

describe('Big O scene', () => {
  it('5 front inserts on a list: elements slide right, 0+1+2+3+4 = 10 moves, a realloc 4 → 8 at the 5th', () => {
    const { view, records, views } = run({ structure: 'list', mix: 'front', n: '5' });
    expect(records.map((r) => [r.op, r.size, r.moved, r.alloc, r.held])).toEqual([
      ['insert0', 1, 0, 1, 4],
      ['insert0', 2, 1, 0, 4],
      ['insert0', 3, 2, 0, 4],
      ['insert0', 4, 3, 0, 4],
      ['insert0', 5, 4, 1, 8],
    ]);
    expect(view.items).toEqual([4, 3, 2, 1, 0]);
    expect(view).toMatchObject({ capacity: 8, size: 5, wastedSlots: 3, bytes: 56 + 64, tupleBytes: 80, spec: 'insert0*5' });
    // cost: 5 writes + 10 moves + the 4 slots copied into the 8-slot array
    expect(view.totals).toEqual({ ops: 5, moved: 10, reallocs: 2, copied: 4, cost: 19 });
    expect(views[3]!.last).toMatchObject({ i: 3, moved: 3, alloc: 0 });
  });

  it('a deque drained from the left frees its blocks at the ends and re-centres when emptied across an edge', () => {
    const { view, records } = run({ structure: 'deque', mix: 'drain-front', n: '40' });
    // 40 appends: slots 32..63 of block 1, then 8 in a second block (opened by the 33rd)
    expect(records.filter((r) => r.alloc).map((r) => [r.i, r.op, r.held])).toEqual([
      [32, 'append', 2],
      [71, 'popleft', 1], // the 32nd popleft leaves the first block
    ]);
    expect(view).toMatchObject({ size: 0, blocks: 1, leftindex: 8, wastedSlots: 64 });
  });

  it('the random mix is seeded: same seed, same ops; never pops an empty structure', () => {
    const a = run({ structure: 'list', mix: 'random', n: '200' }, 7);
    const b = run({ structure: 'list', mix: 'random', n: '200' }, 7);
    const c = run({ structure: 'list', mix: 'random', n: '200' }, 8);
    expect(a.view.spec).toBe(b.view.spec);
    expect(a.view.spec).not.toBe(c.view.spec);
    expect(a.records).toHaveLength(200);
  });

  it('params: declared once, round-trip, bad values named', () => {
    const { params } = bigoScene.parseParams({ structure: 'deque', mix: 'custom', ops: 'appendleft*3,pop', n: '9', curveN: '128' });
    expect(bigoScene.parseParams(bigoScene.serializeParams(params))).toEqual({ params, ignored: [] });
    expect(Object.keys(bigoScene.serializeParams(params))).toEqual(BIGO_PARAMS.map((p) => p.name));
    const bad = bigoScene.parseParams({ structure: 'tuple', n: '513', ops: 'append*2,pop0*3', what: '1' });
    expect(bad.ignored).toEqual([
      { key: 'structure', reason: 'structure must be one of list, deque' },
      { key: 'n', reason: 'n must be an integer from 1 to 512' },
      { key: 'what', reason: 'unknown parameter' },
      { key: 'ops', reason: expect.stringMatching(/^ops: step 4 \(pop0.*IndexError: pop from empty list$/) },
    ]);
    expect(bad.params.ops).toBe(DEFAULT_OPS.list);
    // A deque without ops gets the deque's default SPEC, silently.
    expect(bigoScene.parseParams({ structure: 'deque' })).toEqual({ params: expect.objectContaining({ ops: DEFAULT_OPS.deque }), ignored: [] });
    expect(bigoScene.parseParams({ mix: 'custom', ops: 'append*3000' }).ignored[0]!.reason).toMatch(/at most 2048/);
  });

  it('growth chart curves: slopes ≈1 for append, ≈2 for insert0', () => {
    const { view } = run({ structure: 'list', mix: 'back', n: '1', curveN: '4096' });
    expect(view.curves.map((c) => c.op)).toEqual(['append', 'insert0', 'pop0']);
    expect(view.curves[0]!.slope).toBeLessThan(1.25);
    expect(view.curves[1]!.slope).toBeCloseTo(2, 1);
  });

  it('specOf groups runs', () => {
    expect(specOf(['append', 'append', 'pop', 'insert0', 'insert0', 'insert0'])).toBe('append*2,pop,insert0*3');
    expect(mixOps({ structure: 'deque', mix: 'drain-back', n: 2, ops: '', curveN: 64 }, () => 0)).toEqual(['append', 'append', 'pop', 'pop']);
  });
});
