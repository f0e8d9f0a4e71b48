import { describe, expect, it } from 'vitest';
import { ganttLayout, packRows, segmentBox, speedupChart } from './charts';
import { convoy, simulatedSpeedup, utilisation } from './headline';

describe('parallel charts', () => {
  it('packs intervals greedily into the fewest rows, open ones keeping theirs', () => {
    // a [0,10) row 0; b [5,15) overlaps a → row 1; c [10,20) fits after a → row 0;
    // d [12, open) overlaps c and b → row 2; e [16,18) b is free at 15 → row 1.
    const rows = packRows(
      [
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 10, end: 20 },
        { start: 12, end: null },
        { start: 16, end: 18 },
      ],
      8,
    );
    expect(rows).toEqual({ rows: [0, 1, 0, 2, 1], count: 3 });
    // Capped at 2 rows: the third overlapping interval shares the last row.
    expect(packRows([{ start: 0, end: 9 }, { start: 1, end: 9 }, { start: 2, end: 9 }], 2)).toEqual({ rows: [0, 1, 1], count: 2 });
  });

  it('log2 speedup axes: each doubling is the same distance', () => {
    const c = speedupChart(340, 220, 12);
    expect(c.x(1)).toBeCloseTo(c.left, 9);
    expect(c.x(64)).toBeCloseTo(c.right, 9);
    expect(c.x(4) - c.x(2)).toBeCloseTo(c.x(2) - c.x(1), 9);
    expect(c.y(0.5)).toBeCloseTo(c.bottom, 9);
    expect(c.y(2) - c.y(4)).toBeCloseTo(c.y(1) - c.y(2), 9);
  });

  it('gantt: time maps linearly, short segments stay a pixel wide', () => {
    const g = ganttLayout(1000, 10, 100);
    // range [75, 1000 − 45 = 955]: 100 ns over 880 px.
    expect(g.x(0)).toBe(75);
    expect(g.x(50)).toBe(75 + 440);
    expect(segmentBox(g.x, 10, 10.01)).toEqual({ x: g.x(10), width: 1 });
  });

  it('headline numbers', () => {
    expect(simulatedSpeedup({ singleWallNs: 320, wallNs: 80 })).toBe(4);
    expect(simulatedSpeedup({ singleWallNs: 320, wallNs: 0 })).toBeNull();
    expect(utilisation(50, 200)).toBe(0.25);
    expect(utilisation(5, 0)).toBe(0);
    expect(
      convoy({
        workers: [
          { id: 0, state: 'waiting-gil', cpuNs: 0 },
          { id: 1, state: 'running', cpuNs: 0 },
          { id: 2, state: 'waiting-gil', cpuNs: 0 },
        ],
      }),
    ).toEqual([0, 2]);
  });
});
