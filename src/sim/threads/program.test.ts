import { describe, expect, it } from 'vitest';
import { compile, OP_WIDTH } from './program';

describe('compile', () => {
  it('compiles counter += 1 to load, add, store', () => {
    const p = compile('nonatomic', 'incdec', 2, 2);
    expect(p.threads.map((t) => t.source)).toEqual([['counter += 1'], ['counter -= 1']]);
    expect(p.threads[0]!.body.map((o) => o.text)).toEqual(['load r0, [counter]', 'add r0, 1', 'store [counter], r0']);
    expect(p.threads[1]!.body.map((o) => o.text)).toEqual(['load r0, [counter]', 'add r0, -1', 'store [counter], r0']);
    expect(p.threads.map((t) => t.role)).toEqual(['incrementer', 'decrementer']);
    // Unrolled: 2 iterations × 3 ops.
    expect(p.threads[0]!.length).toBe(6);
    expect(p.threads[0]!.code.length).toBe(6 * OP_WIDTH);
  });

  it('compiles each strategy to the step model the explorer counts', () => {
    const texts = (s: Parameters<typeof compile>[0]) => compile(s, 'inc', 1, 1).threads[0]!.body.map((o) => o.text);
    expect(texts('atomic')).toEqual(['fetch_add [counter], 1']);
    expect(texts('cas')).toEqual(['load r0, [counter]', 'add r1, r0, 1', 'cas [counter], r0, r1']);
    expect(texts('mutex')).toEqual(['lock m', 'load r0, [counter]', 'add r0, 1', 'store [counter], r0', 'unlock m']);
    expect(texts('spinlock')).toEqual(['spin_lock m', 'load r0, [counter]', 'add r0, 1', 'store [counter], r0', 'spin_unlock m']);
  });

  it('cas failure jumps back to the same iteration’s load', () => {
    const t = compile('cas', 'inc', 1, 3).threads[0]!;
    // op 5 is the 2nd iteration's cas (ops 3, 4, 5); its target is op 3.
    expect(t.code[5 * OP_WIDTH + 4]).toBe(3);
  });

  it('knows which registers are live (nothing carries over between iterations)', () => {
    const t = compile('cas', 'inc', 1, 2).threads[0]!;
    // before load: nothing; before add: r0; before cas: r0 and r1; after the last op: nothing.
    expect(Array.from(t.live)).toEqual([0, 1, 3, 0, 1, 3, 0]);
    const n = compile('nonatomic', 'inc', 1, 1).threads[0]!;
    expect(Array.from(n.live)).toEqual([0, 1, 1, 0]);
  });

  it('lays out the append/pop lists with their contents', () => {
    const p = compile('nonatomic', 'appendpop', 2, 3);
    expect(p.memory.map((m) => [m.name, m.kind])).toEqual([
      ['l1', 'list'],
      ['l2', 'list'],
    ]);
    expect(Array.from(p.initialMemory.subarray(0, 4))).toEqual([3, 10, 11, 12]);
    expect(p.threads[0]!.source).toEqual(['x = l2.pop()', 'l1.append(x)']);
    expect(p.threads[1]!.source).toEqual(['x = l1.pop()', 'l2.append(x)']);
    expect(p.counter).toBe(-1);
  });
});
