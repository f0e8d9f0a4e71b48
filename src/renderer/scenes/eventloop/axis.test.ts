import { describe, expect, it } from 'vitest';
import { axisLayout } from './axis';

describe('virtual-time axis', () => {
  it('puts one mark per distinct instant and the playhead at its time', () => {
    // Steps at 0, 0, 0, 5 ms and 10 ms over 200 px: marks at 0, 100 and 200 px.
    const l = axisLayout([0, 0, 0, 5e6, 10e6], 10e6, 5e6, 200);
    expect(l.marks).toEqual([{ x: 0, ns: 0, count: 3 }, { x: 100, ns: 5e6, count: 1 }, { x: 200, ns: 10e6, count: 1 }]);
    expect(l.nowX).toBe(100);
    expect(l.ticks[0]).toEqual({ x: 0, ns: 0, anchor: 'start' });
  });

  it('copes with a run that takes no time at all', () => {
    const l = axisLayout([0, 0], 0, 0, 100);
    expect(l.marks).toEqual([{ x: 0, ns: 0, count: 2 }]);
    expect(l.nowX).toBe(0);
  });
});
