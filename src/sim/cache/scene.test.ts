import { describe, expect, it } from 'vitest';
import { Timeline } from '../core/timeline';
import { getPreset } from '../hardware/presets';
import { CacheHierarchy } from './hierarchy';
import { hierarchyFromMachine } from './config';
import { cacheScene, PATTERN_OPTIONS, type CacheRecord, type CacheSceneState, type CacheEvent } from './scene';

const teaching = getPreset('teaching')!;

function runToEnd(raw: Record<string, string>, seed = 1) {
  const { params } = cacheScene.parseParams(raw);
  const timeline = new Timeline<CacheSceneState, CacheEvent, CacheRecord>(cacheScene.model(params, getPreset(params.preset)!), seed);
  while (!timeline.extend(10_000).done);
  return timeline;
}

describe('cacheScene', () => {
  it('parses parameters with reasons and round-trips them', () => {
    const { params, ignored } = cacheScene.parseParams({ preset: '2020', left: 'stride', right: 'nope', rows: '8', cols: '0', count: '5000', bogus: '1' });
    expect(params).toEqual({ ...cacheScene.defaults, preset: '2020', left: 'stride', rows: 8 });
    expect(ignored.map((i) => i.key).sort()).toEqual(['bogus', 'cols', 'count', 'right']);
    expect(cacheScene.parseParams(cacheScene.serializeParams(params)).params).toEqual(params);
    expect(PATTERN_OPTIONS.map((p) => p.id)).toContain('column-major');
  });

  it('defaults (teaching, 32×32 doubles): row-major hits every other L1 access, column-major none, and finishes later', () => {
    const timeline = runToEnd({});
    const view = cacheScene.view(timeline.stateAt(timeline.length));
    const [left, right] = view.sides;
    // Row-major: 16 B lines hold 2 doubles, so 512 misses and 512 hits in L1.
    expect(left.levels[0]!.counters).toMatchObject({ accesses: 1024, hits: 512, misses: 512 });
    // Column-major: a column's 32 elements are 256 B = 16 lines apart, so all map to one of the 4 L1
    // sets (16 mod 4 = 0), which has 2 ways: every access misses, including column j+1 re-reading
    // the lines column j fetched (they were evicted long before).
    expect(right.levels[0]!.counters).toMatchObject({ accesses: 1024, hits: 0, misses: 1024 });
    // 8 KiB of matrix against a 2 KiB L3: the gap is the lesson (about 3.4×).
    expect(right.elapsedNs / left.elapsedNs).toBeGreaterThan(3);
    expect(left.done && right.done).toBe(true);
    expect(right.elapsedNs).toBeGreaterThan(left.elapsedNs);
    expect(view.pattern).toEqual({ rows: 32, cols: 32 });
    // Lines drawn: teaching L1 has 4 sets × 2 ways.
    expect(left.levels[0]!.lines).toHaveLength(8);
  });

  it('each side matches a hierarchy run directly on the same accesses, and time = sum of the latencies down to the serving level', () => {
    const timeline = runToEnd({ left: 'matmul-ikj', right: 'list-shuffled', rows: '8', cols: '8' }, 3);
    const records = timeline.recordsBetween(-1, timeline.length).filter((r): r is Extract<CacheRecord, { kind: 'access' }> => r.kind === 'access');
    const view = cacheScene.view(timeline.stateAt(timeline.length));
    const lat: Record<string, number> = { L1: 1, L2: 1 + 4, L3: 1 + 4 + 12, memory: 1 + 4 + 12 + 100 };
    for (const side of [0, 1] as const) {
      const mine = records.filter((r) => r.side === side);
      const h = new CacheHierarchy(hierarchyFromMachine(teaching));
      for (const r of mine) {
        const a = BigInt(r.addr);
        h.access(Number(a >> 32n), Number(a & 0xffffffffn), r.size, r.op === 'W');
        expect(r.ns).toBe(lat[r.level]);
      }
      const c = h.counters();
      expect(view.sides[side].levels.map((l) => l.counters.misses)).toEqual(c.levels.map((l) => l.misses));
      expect(view.sides[side].memory).toEqual(c.memory);
      expect(view.sides[side].elapsedNs).toBe(mine.reduce((s, r) => s + r.ns, 0));
    }
  });

  it('step back then forward gives the same view (time travel through clones)', () => {
    const timeline = runToEnd({ left: 'random', right: 'column-major', working: '1024' }, 9);
    const end = timeline.length;
    const forward = [100, 300, 700].map((s) => JSON.stringify(cacheScene.view(timeline.stateAt(s))));
    const backward = [700, 300, 100].map((s) => JSON.stringify(cacheScene.view(timeline.stateAt(s)))).reverse();
    expect(backward).toEqual(forward);
    expect(end).toBeGreaterThan(700);
  });

  it('on the 2020 preset, the big levels are not drawn and L3 latency is unknown', () => {
    const timeline = new Timeline(cacheScene.model({ ...cacheScene.defaults, preset: '2020', count: 64 }, getPreset('2020')!), 1);
    timeline.extend(10);
    const view = cacheScene.view(timeline.stateAt(10));
    expect(view.sides[0].levels.map((l) => l.lines === null)).toEqual([false, true, true]);
    expect(view.sides[0].levels[2]!.latencyKnown).toBe(false);
  });
});
