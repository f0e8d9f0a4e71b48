/**
 * Each scene's default (parameters and seed 1, as a newcomer opens it) makes the scene's point
 * by the end of its run. The facts asserted are the scene's idea, checked on the model's own
 * output: a default that loses its point fails here.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../sim/core/timeline';
import type { TraceRecord } from '../../sim/core/engine';
import { loadScenes } from '../../sim/scenes';
import { getPreset } from '../../sim/hardware/presets';
import { resolveCacheMachine } from './cache/machine';
import { convoy } from './parallel/headline';
import type { ThreadsView } from '../../sim/threads/scene';
import type { CacheView } from '../../sim/cache/scene';
import type { ParallelView } from './parallel/view';
import type { LadderView } from '../../sim/ladder/scene';

/** Every scene, its model loaded, by URL id. */
const SCENE_MODELS = Object.fromEntries((await loadScenes()).map((s) => [s.id, s]));

/** The default run of a scene, as the app opens it (seed 1). */
function defaultRun(id: string): { views: unknown[]; last: unknown; times: number[] } {
  const scene = SCENE_MODELS[id]!;
  const { params } = scene.parseParams({});
  const machine = id === 'memory-hierarchy' ? resolveCacheMachine(scene.serializeParams(params)).machine : getPreset('2020')!;
  const timeline = new Timeline(scene.model(params, machine), 1) as Timeline<unknown, unknown, TraceRecord>;
  let done = false;
  while (!done) done = timeline.extend(10_000).done;
  const views: unknown[] = [];
  const times: number[] = [];
  for (let step = 0; step <= timeline.length; step++) {
    views.push(scene.view(timeline.stateAt(step)));
    times.push(timeline.timeAt(step));
  }
  return { views, last: views.at(-1), times };
}

describe("every scene's default makes its point", () => {
  it('threads: the default run loses updates; the counter ends away from its expected value', () => {
    const view = defaultRun('threads').last as ThreadsView;
    expect(view.finished).toBe(true);
    expect(view.lostUpdates).toBeGreaterThan(0);
    expect(view.expected).toBe(0); // increments and decrements in equal numbers
    expect(view.memory[0]!.value).not.toBe(view.expected);
  });

  it('memory hierarchy: the same reads, a hit-rate gap in L1 and a time gap', () => {
    const view = defaultRun('memory-hierarchy').last as CacheView;
    const [row, column] = view.sides;
    expect(row!.accesses).toBe(column!.accesses);
    const l1 = (side: typeof row) => side!.levels[0]!.counters.hits / side!.levels[0]!.counters.accesses;
    expect(l1(row) - l1(column)).toBeGreaterThanOrEqual(0.4);
    expect(column!.elapsedNs).toBeGreaterThan(2 * row!.elapsedNs);
  });

  it('parallel: under the GIL workers queue (the convoy) and four threads take as long as one', () => {
    const { views, last } = defaultRun('parallel');
    const longest = Math.max(...views.map((v) => convoy(v as ParallelView).length));
    expect(longest).toBeGreaterThanOrEqual(2);
    const end = last as ParallelView;
    expect(end.done).toBe(true);
    expect(end.wallNs).toBeGreaterThanOrEqual(end.singleWallNs);
  });

  it('latency ladder: the request climbs from under a nanosecond to over a hundred milliseconds', () => {
    const { times, last } = defaultRun('latency-ladder');
    const firstPositive = times.find((t) => t > 0)!;
    expect((last as LadderView).current).toBe((last as LadderView).route.length);
    expect(Math.log10(times.at(-1)! / firstPositive)).toBeGreaterThan(8);
  });

  it('simd: vector lanes beat the scalar loop, which beats the interpreter, on the same kernel', () => {
    const view = defaultRun('simd').last as { styles: { style: string; ns: number }[]; phase: string };
    const ns = Object.fromEntries(view.styles.map((s) => [s.style, s.ns]));
    expect(view.phase).toBe('done');
    expect(ns.simd!).toBeLessThan(ns.scalar!);
    expect(ns.scalar! * 10).toBeLessThan(ns.interpreted!);
  });

  it('stacks: every requested instance fits and starts', () => {
    const view = defaultRun('stacks').last as { requested: number; fit: number; instances: { state: string }[] };
    expect(view.fit).toBe(view.requested);
    expect(view.instances.filter((i) => i.state === 'running' || i.state === 'idle').length).toBe(view.requested);
  });

  it('event loop: synchronous code first, then the microtask, then the timer', () => {
    const view = defaultRun('event-loop').last as { console: { text: string }[] };
    expect(view.console.map((l) => l.text)).toEqual(['script start', 'script end', 'promise', 'setTimeout']);
  });
});
