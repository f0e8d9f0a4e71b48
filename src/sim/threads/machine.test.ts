import { describe, expect, it } from 'vitest';
import { compile } from './program';
import { cloneState, finished, initialState, runnable, step, whyNotRunnable, wordValue } from './machine';

describe('threads machine', () => {
  it('a failed cas counts a retry and jumps back to the load', () => {
    const s = initialState(compile('cas', 'inc', 2, 1));
    step(s, 0); // t0: r0 = 0
    step(s, 0); // t0: r1 = 1
    step(s, 1); // t1: r0 = 0
    step(s, 1); // t1: r1 = 1
    expect(step(s, 1)).toBe('ok'); // t1: cas 0 → 1
    expect(step(s, 0)).toBe('retry'); // t0: counter is 1, not 0
    expect(s.retries[0]).toBe(1);
    expect(s.v[0]).toBe(0); // back at the load
    step(s, 0);
    step(s, 0);
    expect(step(s, 0)).toBe('ok');
    expect(wordValue(s, 'counter')).toBe(2);
    expect(finished(s)).toBe(true);
  });

  it('a held mutex makes lock unschedulable; a held spinlock makes spin_lock spin in place', () => {
    const m = initialState(compile('mutex', 'inc', 2, 1));
    step(m, 0);
    expect(runnable(m)).toEqual([0]);
    expect(whyNotRunnable(m, 1)).toBe('thread 1 is blocked on mutex m (held by thread 0)');
    expect(() => step(m, 1)).toThrow(RangeError);
    const sp = initialState(compile('spinlock', 'inc', 2, 1));
    step(sp, 0);
    expect(runnable(sp)).toEqual([0, 1]);
    expect(step(sp, 1)).toBe('spin');
    expect(sp.v[1]).toBe(0);
    for (let i = 0; i < 4; i++) step(sp, 0); // load, add, store, unlock
    expect(step(sp, 1)).toBe('ok');
  });

  it('clones deeply', () => {
    const s = initialState(compile('nonatomic', 'inc', 2, 1));
    const c = cloneState(s);
    step(s, 0);
    expect(c.v[0]).toBe(0);
    expect(s.v[0]).toBe(1);
  });

  it('pop then append as separate steps duplicates an item', () => {
    // l1 = [10], l2 = [20]. Thread 0 pops 20 from l2 and is about to append to l1: it has
    // read l1.len = 1. Thread 1 pops 10 from l1 (l1.len = 0) and appends it to l2. Thread 0
    // stores 20 at l1[1] and l1.len = 2: l1 = [10, 20] and l2 = [10]: 10 is duplicated, 20 kept.
    const s = initialState(compile('nonatomic', 'appendpop', 2, 1));
    for (let i = 0; i < 5; i++) step(s, 0); // pop (4 ops) + load l1.len
    for (let i = 0; i < 8; i++) step(s, 1);
    for (let i = 0; i < 3; i++) step(s, 0);
    const list = (name: string) => {
      const r = s.programs.memory.find((m) => m.name === name)!;
      const at = s.layout.mem + r.base;
      return Array.from(s.v.subarray(at + 1, at + 1 + s.v[at]!));
    };
    expect(list('l1')).toEqual([10, 20]);
    expect(list('l2')).toEqual([10]);
  });
});
