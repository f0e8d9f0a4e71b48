import { describe, expect, it } from 'vitest';
import { Engine } from '../core/engine';
import { Timeline } from '../core/timeline';
import { getPreset } from '../hardware/presets';
import { capSegments, parallelScene, type ParallelView, type Segment } from './scene';

const machine = getPreset('2020')!;

function run(raw: Record<string, string>): ParallelView {
  const { params } = parallelScene.parseParams(raw);
  const engine = new Engine(parallelScene.model(params, machine), 1);
  expect(engine.run({ maxEvents: 1_000_000 }).reason).toBe('empty');
  return parallelScene.view(engine.state);
}

describe('parallel scene', () => {
  it('parses, reports and round-trips its parameters', () => {
    expect(parallelScene.id).toBe('parallel');
    expect(parallelScene.title).toBe('Processes in Parallel');
    expect(parallelScene.defaults).toEqual({ preset: 'cpu-bound', style: 'gil', workers: 4, cores: 4, switch: 5, serial: 0.1 });
    const { params, ignored } = parallelScene.parseParams({ preset: 'etl', style: 'processes', workers: '8', cores: '2', switch: '0.5', serial: '0.25', colour: 'x', threads: '3' });
    expect(params).toEqual({ preset: 'etl', style: 'processes', workers: 8, cores: 2, switch: 0.5, serial: 0.25 });
    expect(ignored.map((i) => i.key)).toEqual(['colour', 'threads']);
    expect(parallelScene.parseParams(parallelScene.serializeParams(params)).params).toEqual(params);
    const bad = parallelScene.parseParams({ preset: 'spark', style: 'fibers', workers: '17', cores: '0', switch: '0.01', serial: '1.5' });
    expect(bad.params).toEqual(parallelScene.defaults);
    expect(bad.ignored.map((i) => i.key)).toEqual(['preset', 'style', 'workers', 'cores', 'switch', 'serial']);
  });

  it('shows the GIL serialising the default run, with the single baseline beside it', () => {
    const gil = run({});
    expect(gil.done).toBe(true);
    expect(gil.style).toBe('gil');
    expect(gil.preset).toBe('cpu-bound');
    expect(gil.singleWallNs).toBe(320_000_000); // 16 tasks × 20 ms
    expect(gil.wallNs / gil.singleWallNs).toBeGreaterThanOrEqual(1);
    expect(gil.workers.map((w) => w.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(gil.gilHolder).toBeNull();
    expect(gil.cores.reduce((a, c) => a + c.busyNs, 0)).toBe(gil.cpuNs);
    const threads = run({ style: 'threads' });
    // every core busy about a quarter of single's time: 4 tasks × 20 ms + a thread creation
    expect(threads.cores.map((c) => c.busyNs)).toEqual([80_025_000, 80_025_000, 80_025_000, 80_025_000]);
    expect(threads.memoryBytes).toBe(30 * 2 ** 20);
    expect(run({ style: 'processes', workers: '3' }).memoryBytes).toBe(3 * 30 * 2 ** 20);
  });

  it('shows waits, states and the GIL holder mid-run', () => {
    const { params } = parallelScene.parseParams({ preset: 'io-bound', style: 'gil' });
    const timeline = new Timeline(parallelScene.model(params, machine), 1);
    while (!timeline.done) timeline.extend(10_000);
    const mid = parallelScene.view(timeline.stateAt(Math.floor(timeline.length / 2)));
    expect(mid.done).toBe(false);
    expect(mid.io.some((e) => e.end === null && e.what === 'datacenter ×4')).toBe(true);
    expect(mid.workers.some((w) => w.state === 'blocked')).toBe(true);
    const end = parallelScene.view(timeline.stateAt(timeline.length));
    expect(end.done).toBe(true);
    expect(end.io).toHaveLength(16);
    expect(end.io.every((e) => e.end !== null && e.end - e.start === 2_000_000)).toBe(true);
    // at most one core runs at any step under the GIL
    for (let step = 0; step <= timeline.length; step += 3) {
      const v = parallelScene.view(timeline.stateAt(step));
      expect(v.cores.filter((c) => c.running !== null).length).toBeLessThanOrEqual(1);
      if (v.gilHolder !== null) expect(v.workers[v.gilHolder]!.state).not.toBe('waiting-gil');
    }
  });

  it('caps a core’s segments, merging same-task neighbours first', () => {
    // 3000 alternating pieces of tasks 0 and 1 with 1 ns gaps inside pairs of the same task:
    // seg i covers [10i, 10i + 9]; tasks go 0,0,1,1,0,0,… so merging across the 1 ns gap halves them.
    const segs: Segment[] = Array.from({ length: 3000 }, (_, i) => ({ task: Math.floor(i / 2) % 2, worker: 0, start: 10 * i, end: 10 * i + 9, kind: 'cpu' }));
    const capped = capSegments(segs, 2000);
    expect(capped).toHaveLength(1500);
    expect(capped[0]).toEqual({ task: 0, worker: 0, start: 0, end: 19, kind: 'cpu' });
    expect(capSegments(segs.slice(0, 10), 2000)).toHaveLength(10);
    // different tasks every time: nothing merges, the longest are kept in time order
    const alternating: Segment[] = Array.from({ length: 5 }, (_, i) => ({ task: i, worker: 0, start: 100 * i, end: 100 * i + (i === 2 ? 5 : 50), kind: 'cpu' }));
    expect(capSegments(alternating, 4).map((s) => s.task)).toEqual([0, 1, 3, 4]);
  });
});
