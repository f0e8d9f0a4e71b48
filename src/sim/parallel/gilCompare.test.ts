import { describe, expect, it } from 'vitest';
import { sceneGilSpeedups } from './gilCompare';

describe("the parallel scene's GIL model, for the Python comparison", () => {
  it('CPU-bound: GIL threads give no speed-up, processes close to the cores; IO-bound: GIL threads overlap the waits', () => {
    const s = sceneGilSpeedups(2, 2);
    expect(s.cpu.gil).toBeLessThanOrEqual(1.0001);
    expect(s.cpu.gil).toBeGreaterThan(0.9);
    expect(s.cpu.processes).toBeGreaterThan(1.5);
    expect(s.cpu.processes).toBeLessThanOrEqual(2);
    expect(s.io.gil).toBeGreaterThan(1.5);
  });
});
