import { describe, expect, it } from 'vitest';
import { narrateThreads } from './threads/narration';
import { narrateLadder } from './ladder/narration';
import { narrateStacks } from './stacks/narration';
import { SCENES } from './registry';

describe('narration', () => {
  it('every scene of the registry narrates its steps', () => {
    expect(SCENES.filter((s) => !s.narrate).map((s) => s.id)).toEqual([]);
  });

  it('threads: who ran what, the memory, the lost updates', () => {
    const view = {
      memory: [{ name: 'counter', value: 1 }],
      expected: 0,
      last: { thread: 1, op: 'store', lost: true },
      finished: false,
      lostUpdates: 1,
    };
    expect(narrateThreads(view)).toBe('Thread 1 ran store, overwriting another thread’s update; counter = 1; 1 update lost so far.');
    expect(narrateThreads({ ...view, last: null, lostUpdates: 0 })).toBe('Nothing has run yet; counter = 1.');
    expect(narrateThreads({ ...view, last: { thread: 0, op: 'load' }, finished: true, lostUpdates: 2 })).toBe(
      'Thread 0 ran load; counter = 1; 2 updates lost so far. Finished: expected 0.',
    );
  });

  it('ladder: the rung the request is on', () => {
    const view = { route: ['l1', 'ram'], current: 1, elapsed: 100, visits: [], enteredAt: 0.5 };
    expect(narrateLadder(view)).toBe('The request is at Main memory (rung 2 of 2), 100 ns so far.');
    expect(narrateLadder({ ...view, current: -1 })).toBe('The request is about to set off.');
  });

  it('stacks: booting, running and what fits', () => {
    const view = { label: 'Containers', instances: [{ state: 'running' }, { state: 'booting' }, { state: 'rejected' }], fit: 2, requested: 3, functions: null };
    expect(narrateStacks(view)).toBe('Containers: 1 running, 1 booting, 1 do not fit; 2 of 3 fit on the host.');
  });
});
