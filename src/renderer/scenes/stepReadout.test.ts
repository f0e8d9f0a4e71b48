import { describe, expect, it } from 'vitest';
import { narrateThreads, threadsChartRow } from './threads/stepReadout';
import { narrateLadder } from './ladder/stepReadout';
import { narrateStacks, stacksChartRow } from './stacks/stepReadout';
import { narrateSimd, simdChartRow } from './simd/stepReadout';
import { eventLoopChartRow, narrateEventLoop } from './eventloop/stepReadout';
import { SCENES } from './registry';
import type { ThreadsView } from '../../sim/threads/scene';
import type { LadderView } from '../../sim/ladder/scene';
import type { StacksView } from '../../sim/stacks/scene';
import type { SimdView } from '../../sim/simd/scene';
import type { EventLoopView } from '../../sim/eventloop/scene';

/** A hand-made view with only the fields a readout reads (the rest would be noise here). */
const only = <V>(fields: object): V => fields as V;

describe('narration', () => {
  it('every scene of the registry narrates its steps and gives CSV columns', () => {
    expect(SCENES.filter((s) => !s.narrate || !s.chartRow).map((s) => s.id)).toEqual([]);
  });

  it('chart rows: the values on screen, by name', () => {
    expect(threadsChartRow(only<ThreadsView>({ memory: [{ name: 'counter', value: -1 }], lostUpdates: 1, elapsed: 3018 }), { t: 3017 })).toEqual({
      counter: '-1', lost_updates: 1, elapsed_ns: 3017, done_ns: 3018,
    });
    const instances = [{ state: 'running' }, { state: 'running' }, { state: 'booting' }];
    expect(stacksChartRow(only<StacksView>({ fit: 3, requested: 4, host: { usedBytes: 9 }, instances, functions: null }))).toEqual({
      fit: 3, requested: 4, memory_used_bytes: 9, waiting: 0, booting: 1, running: 2, idle: 0, stopped: 0, rejected: 0,
    });
  });

  it('threads: who ran what, the memory, the lost updates', () => {
    const view = {
      memory: [{ name: 'counter', value: 1 }],
      expected: 0,
      last: { thread: 1, op: 'store', lost: true },
      finished: false,
      lostUpdates: 1,
    };
    expect(narrateThreads(only<ThreadsView>(view))).toBe('Thread 1 ran store, overwriting another thread’s update; counter = 1; 1 update lost so far.');
    expect(narrateThreads(only<ThreadsView>({ ...view, last: null, lostUpdates: 0 }))).toBe('Nothing has run yet; counter = 1.');
    expect(narrateThreads(only<ThreadsView>({ ...view, last: { thread: 0, op: 'load' }, finished: true, lostUpdates: 2 }))).toBe(
      'Thread 0 ran load; counter = 1; 2 updates lost so far. Finished: expected 0.',
    );
  });

  it('ladder: the rung the request is on', () => {
    const view = { route: ['l1', 'ram'], current: 1, elapsed: 100, visits: [], enteredAt: 0.5 };
    expect(narrateLadder(only<LadderView>(view))).toBe('The request is at Main memory (rung 2 of 2), 100 ns so far.');
    expect(narrateLadder(only<LadderView>({ ...view, current: -1 }))).toBe('The request is about to set off.');
  });

  it('stacks: booting, running and what fits', () => {
    const view = { label: 'Containers', instances: [{ state: 'running' }, { state: 'booting' }, { state: 'rejected' }], fit: 2, requested: 3, functions: null };
    expect(narrateStacks(only<StacksView>(view))).toBe('Containers: 1 running, 1 booting, 1 do not fit; 2 of 3 fit on the host.');
  });

  it('simd: the iteration, the lanes in use, the bound; each style\'s time as columns', () => {
    // N = 10 at 4 lanes: the third iteration is the tail, 2 of 4 lanes active.
    const lanes = [{ active: true }, { active: true }, { active: false }, { active: false }];
    const view = { text: 'c[i] = a[i] + b[i]', style: 'simd', lanes, iteration: 3, iterations: 3, elementsDone: 10, n: 10, cycles: 9, totalCycles: 9, ns: 3, result: { bound: 'compute' },
      styles: [{ style: 'scalar', ns: 8, speedup: 2 }, { style: 'simd', ns: 3, speedup: 5.5 }] };
    expect(narrateSimd(only<SimdView>(view))).toBe('c[i] = a[i] + b[i], simd: iteration 3 of 3, 2 of 4 lanes active; 10 of 10 elements, cycle 9 of 9, compute-bound.');
    expect(narrateSimd(only<SimdView>({ ...view, iteration: 0, elementsDone: 0, cycles: 0 }))).toBe('c[i] = a[i] + b[i], simd: before the loop; 0 of 10 elements, cycle 0 of 9, compute-bound.');
    expect(simdChartRow(only<SimdView>(view))).toEqual({ iteration: 3, elements_done: 10, cycles: 9, ns: 3, bound: 'compute', scalar_ns: 8, scalar_speedup: 2, simd_ns: 3, simd_speedup: 5.5 });
  });

  it('event loop: the phase, what ran, what waits; queue lengths as columns', () => {
    const empty = { ticks: [], microtasks: [], timers: [], check: [], io: [], tasks: [], frames: [] };
    const step = { kind: 'log', phase: 'main', label: 'console.log (line 3)', stack: ['main'], queues: { ...empty, microtasks: [{}], timers: [{}, {}] } };
    const view = { error: null, step, index: 1, totalSteps: 9, console: [{ text: 'start' }] };
    expect(narrateEventLoop(only<EventLoopView>(view))).toBe('Step 2 of 9, main: console.log (line 3). Printed "start". Waiting: 1 in microtasks, 2 in timers.');
    expect(narrateEventLoop(only<EventLoopView>({ ...view, step: null }))).toBe('The script is about to start.');
    expect(eventLoopChartRow(only<EventLoopView>(view))).toEqual({ phase: 'main', stack_depth: 1, console_lines: 1, ticks: 0, microtasks: 1, timers: 2, check: 0, io: 0, tasks: 0, frames: 0 });
  });
});
