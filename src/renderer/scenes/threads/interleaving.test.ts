import { describe, expect, it } from 'vitest';
import { forwardOnly, markOf, stripCells } from './interleaving';

const LAS = ['load r0, [counter]', 'add r0, 1', 'store [counter], r0'];

describe('interleaving strip', () => {
  it('names each step of a forward-only schedule by counting that thread’s steps', () => {
    // 0 1 1 1 0 0: thread 0 load; thread 1 load, add, store; thread 0 add, store.
    const cells = stripCells([0, 1, 1, 1, 0, 0], [LAS, LAS], true);
    expect(cells.map((c) => `${c.step}:${c.thread}${c.mark}`)).toEqual(['1:0L', '2:1L', '3:1+', '4:1S', '5:0+', '6:0S']);
    expect(cells[4]!.op).toBe('add r0, 1');
  });

  it('wraps around the loop body for the next iteration', () => {
    expect(stripCells([0, 0, 0, 0], [LAS], true).map((c) => c.mark)).toEqual(['L', '+', 'S', 'L']);
  });

  it('shows a dot where a retry could have moved the pc back', () => {
    expect(stripCells([0, 1], [LAS, LAS], false).map((c) => [c.mark, c.op])).toEqual([
      ['•', null],
      ['•', null],
    ]);
    expect(forwardOnly('cas')).toBe(false);
    expect(forwardOnly('spinlock')).toBe(false);
    expect(forwardOnly('mutex')).toBe(true);
    expect(markOf('fetch_add [counter], 1')).toBe('F');
    expect(markOf('lock m')).toBe('K');
  });
});
