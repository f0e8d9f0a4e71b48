import { describe, expect, it } from 'vitest';
import { dequeLayout, listLayout } from './slotsLayout';

describe('slots layout', () => {
  it('a list wraps its slots into rows that fit the width', () => {
    const l = listLayout(580, 600, 16);
    expect(l.cols * l.cell).toBeLessThanOrEqual(600);
    expect(l.rows).toBe(Math.ceil(580 / l.cols));
    expect(l.at(l.cols)).toEqual({ x: 0, y: l.cell });
  });
  it('a deque draws block b, slot i at row b; index 63 ends the block', () => {
    const d = dequeLayout(3, 1280, 16);
    expect(d.perLine).toBe(64);
    expect(d.at(64 + 5)).toEqual({ x: 5 * d.cell, y: d.blockHeight + 16 * 1.1 });
    const narrow = dequeLayout(1, 300, 16);
    expect(narrow.perLine).toBe(32);
    expect(narrow.at(40)).toEqual({ x: 8 * narrow.cell, y: narrow.cell });
  });
});
