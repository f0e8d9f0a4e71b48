import { describe, expect, it } from 'vitest';
import { ladderLayout } from './layout';
import type { LadderRung } from '../../../sim/ladder/rungs';

const rungs = [
  { id: 'l1', label: 'L1', ns: 1 },
  { id: 'ram', label: 'RAM', ns: 100 },
  { id: 'disk', label: 'Disk', ns: 1000 },
] as unknown as LadderRung[];
const span = { tMin: 0.5, tEnd: 1101 };

describe('ladder layout', () => {
  it('bars follow the time axis: log by default, linear when the timeline is linear', () => {
    const log = ladderLayout(1000, 600, 16, rungs, span, 'log');
    const linear = ladderLayout(1000, 600, 16, rungs, span, 'linear');
    // Log: domain 0.1 → 1000 ns (four decades); 100 ns sits three quarters along.
    expect(log.x(100) - log.barX0).toBeCloseTo(0.75 * (log.barX1 - log.barX0), 6);
    // Linear: 0 → 1000 ns; 100 ns sits a tenth along, 1 ns a thousandth.
    expect(linear.x(100) - linear.barX0).toBeCloseTo(0.1 * (linear.barX1 - linear.barX0), 6);
    expect(linear.x(1) - linear.barX0).toBeCloseTo(0.001 * (linear.barX1 - linear.barX0), 6);
    expect(linear.logTime).toBe(false);
  });
});
