import { describe, expect, it } from 'vitest';
import type { BigOMeasuredCellResult } from '../../../shared/api';
import { realChart } from './realChart';

const cell = (name: string, pts: [number, number][], modelSlope: number): BigOMeasuredCellResult =>
  ({ cell: name, points: pts.map(([n, ms]) => ({ n, ms, spread: { min: ms, median: ms, max: ms, repeats: 1, unit: 'ms' }, checksum: 0, agrees: true })), slope: null, modelSlope, stoppedAt: null, note: null }) as BigOMeasuredCellResult;

describe('real-run chart', () => {
  it('the model line runs from the last point back with the model slope: 2 decades of n at slope 2 is 4 decades of ms', () => {
    const c = realChart([cell('unshift', [[1000, 0.01], [100_000, 100]], 2)], 400, 300, 10);
    expect(c.msTicks).toEqual([0.01, 0.1, 1, 10, 100].map((t) => expect.closeTo(t, 9)));
    // at slope 2 the model passes exactly through the first measured point too
    const [, x0, y0] = /^M([\d.]+),([\d.]+)/.exec(c.lines[0]!.model)!;
    expect(Number(x0)).toBeCloseTo(c.x(1000), 1);
    expect(Number(y0)).toBeCloseTo(c.y(0.01), 1);
    expect(c.nTicks).toEqual([1000, 10_000, 100_000]);
  });
});
