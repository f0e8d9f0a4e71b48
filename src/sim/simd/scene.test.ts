import { describe, expect, it } from 'vitest';
import { Engine } from '../core/engine';
import { getPreset } from '../hardware/presets';
import { MAX_LOOP_STEPS, simdScene, type SimdRecord, type SimdView } from './scene';

const machine = getPreset('2020')!;

function run(raw: Record<string, string>): { views: SimdView[]; records: SimdRecord[] } {
  const { params, ignored } = simdScene.parseParams(raw);
  expect(ignored).toEqual([]);
  const records: SimdRecord[] = [];
  const engine = new Engine(simdScene.model(params, machine), 1, (r) => void records.push(r));
  const views = [simdScene.view(engine.state)];
  while (engine.step()) views.push(simdScene.view(engine.state));
  return { views, records };
}

const lit = (v: SimdView) => v.lanes.map((l) => (l.active ? l.element : '·')).join(' ');

describe('simd scene', () => {
  it('N=10 at width 4: lanes light up 4, 4, then a tail of 2; 3 cycles', () => {
    const { views, records } = run({ kernel: 'add', style: 'simd', width: '4', n: '10' });
    // One iteration = 1 cycle = 1/3.6 ns (see simd.test.ts).
    const it = 1 / 3.6;
    expect(records.map((r) => [r.kind, +(r.t / it).toFixed(6), 'lanes' in r ? r.lanes : null])).toEqual([
      ['simd.iteration', 0, 4],
      ['simd.iteration', 1, 4],
      ['simd.iteration', 2, 2],
      ['simd.done', 3, null],
    ]);
    expect(views.map(lit)).toEqual(['· · · ·', '0 1 2 3', '4 5 6 7', '8 9 · ·', '· · · ·']);
    expect(views.map((v) => v.phase)).toEqual(['start', 'loop', 'loop', 'tail', 'done']);
    expect(views.map((v) => v.cycles)).toEqual([0, 0, 1, 2, 3]);
    expect(views.map((v) => v.elementsDone)).toEqual([0, 4, 8, 10, 10]);
    expect(views[4]).toMatchObject({ iterations: 3, fullIterations: 2, tailLanes: 2, totalCycles: 3, lanesUsed: 4 });
  });

  it('scalar code uses lane 0 of the register, one element per step', () => {
    const { views } = run({ kernel: 'add', style: 'scalar', width: '4', n: '3' });
    expect(views.map(lit)).toEqual(['· · · ·', '0 · · ·', '1 · · ·', '2 · · ·', '· · · ·']);
  });

  it('a sum ends with a horizontal add', () => {
    const { records, views } = run({ kernel: 'sum', style: 'simd', width: '8', n: '16' });
    expect(records.map((r) => r.kind)).toEqual(['simd.iteration', 'simd.iteration', 'simd.reduce', 'simd.done']);
    // 2 iterations × ½ cycle + 20 cycles of horizontal add = 21.
    expect(views.at(-1)!.totalCycles).toBe(21);
    expect(views[3]!.units.fpu).toBe(5);
  });

  it('groups iterations into at most MAX_LOOP_STEPS steps for a big N', () => {
    const { records, views } = run({ kernel: 'saxpy', style: 'simd', width: '16', n: '1000000' });
    const iterations = records.filter((r) => r.kind === 'simd.iteration');
    // 62,500 iterations in chunks of ⌈62,500 / 48⌉ = 1,303: 48 steps.
    expect(iterations).toHaveLength(MAX_LOOP_STEPS);
    expect(iterations[0]).toMatchObject({ first: 0, last: 1302, lanes: 16 });
    expect(iterations.at(-1)).toMatchObject({ last: 62_499 });
    expect(views.at(-1)!.elementsDone).toBe(1_000_000);
    expect(views.at(-1)!.ns).toBeCloseTo(views.at(-1)!.totalNs, 6);
  });

  it('the GPU copies in, runs waves, copies out', () => {
    const { records, views } = run({ kernel: 'add', style: 'gpu', width: '8', n: '10000' });
    expect(records.map((r) => r.kind)).toEqual(['simd.copy-in', 'simd.iteration', 'simd.iteration', 'simd.iteration', 'simd.copy-out', 'simd.done']);
    // 80 kB in over 12 GB/s + 10 µs launch = 16.67 µs before the first wave.
    expect(records[1]!.t).toBeCloseTo(10_000 + 80_000 / 12, 6);
    expect(views[2]!.lanes.every((l) => l.active)).toBe(true);
  });

  it('parses, reports and round-trips parameters', () => {
    const { params, ignored } = simdScene.parseParams({ kernel: 'fma', width: '6', n: '0', style: 'gpu', x: '1' });
    expect(params).toEqual({ kernel: 'add', style: 'gpu', width: 8, n: 100 });
    expect(ignored.map((i) => i.key)).toEqual(['kernel', 'width', 'n', 'x']);
    expect(ignored[1]!.reason).toBe('width must be one of 4, 8, 16');
    const p = simdScene.parseParams({ kernel: 'branchy', style: 'interpreted', width: '16', n: '77' }).params;
    expect(simdScene.parseParams(simdScene.serializeParams(p)).params).toEqual(p);
  });

  it('is deterministic: the same parameters give the same records and views', () => {
    const a = run({ kernel: 'branchy', style: 'simd', width: '8', n: '1234' });
    const b = run({ kernel: 'branchy', style: 'simd', width: '8', n: '1234' });
    expect(a).toEqual(b);
  });
});
