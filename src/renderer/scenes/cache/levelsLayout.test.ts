import { describe, expect, it } from 'vitest';
import { levelsLayout, travelPoint } from './levelsLayout';

describe('levelsLayout', () => {
  it('lays every (set, way) of the teaching L1 in its own cell, sets across, ways down', () => {
    const layout = levelsLayout(400, 16, [
      { sets: 4, ways: 2, drawn: true },
      { sets: 8, ways: 4, drawn: true },
      { sets: 4096, ways: 8, drawn: false },
    ]);
    const cells = [];
    for (let set = 0; set < 4; set++) for (let way = 0; way < 2; way++) cells.push(layout.cell(0, set, way));
    // No two cells overlap (brute force over all pairs).
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const a = cells[i]!;
        const b = cells[j]!;
        const apart = a.x + a.w <= b.x + 1e-9 || b.x + b.w <= a.x + 1e-9 || a.y + a.h <= b.y + 1e-9 || b.y + b.h <= a.y + 1e-9;
        expect(apart).toBe(true);
      }
    }
    expect(layout.cell(0, 1, 0).x).toBeGreaterThan(layout.cell(0, 0, 0).x);
    expect(layout.cell(0, 0, 1).y).toBeGreaterThan(layout.cell(0, 0, 0).y);
    // Levels stack downwards, memory last.
    expect(layout.blocks[1]!.area.y).toBeGreaterThan(layout.blocks[0]!.area.y + layout.blocks[0]!.area.h);
    expect(layout.memory.y).toBeGreaterThan(layout.blocks[2]!.area.y + layout.blocks[2]!.area.h);
    expect(layout.height).toBeGreaterThan(layout.memory.y + layout.memory.h);
  });

  it('wraps many sets into bands that fit the width', () => {
    // 64 sets at 4 px minimum need 256 px; 100 px wide → 3 bands of 22 columns.
    const layout = levelsLayout(104, 16, [{ sets: 64, ways: 8, drawn: true }]);
    const b = layout.blocks[0]!;
    expect([b.bands, b.columns]).toEqual([3, 22]);
    const last = layout.cell(0, 63, 7);
    expect(last.x + last.w).toBeLessThanOrEqual(104);
    expect(layout.cell(0, 22, 0).y).toBeGreaterThan(layout.cell(0, 21, 7).y);
  });

  it('moves the access down to its level and back', () => {
    const stops = [
      { x: 0, y: 0 },
      { x: 0, y: 30 },
      { x: 40, y: 60 }, // 50 long
    ];
    // Path length 80: f = 0.25 → 40 along (10 into the second leg, 1/5 of it).
    expect(travelPoint(stops, 0.25)).toEqual({ x: 8, y: 36 });
    expect(travelPoint(stops, 0.5)).toEqual({ x: 40, y: 60 });
    expect(travelPoint(stops, 0.75)).toEqual({ x: 8, y: 36 });
    expect(travelPoint(stops, 1)).toEqual({ x: 0, y: 0 });
  });
});
