import { describe, expect, it } from 'vitest';
import { bootFraction, gridLayout, layersLayout } from './stageLayout';

const VM = [
  { name: 'hardware', kind: 'hardware', shared: true },
  { name: 'hypervisor', kind: 'hypervisor', shared: true },
  { name: 'guest kernel', kind: 'kernel', shared: false },
  { name: 'guest OS', kind: 'guest-os', shared: false },
  { name: 'app', kind: 'app', shared: false },
];

describe('layersLayout', () => {
  it('shared layers once, per-instance layers once per column (VM: 2 + 3 × 3 = 11 boxes)', () => {
    const l = layersLayout(VM, 40, 300, 20, 6);
    expect(l.columns).toBe(3);
    expect(l.boxes).toHaveLength(11);
    expect(l.boxes.filter((b) => b.name === 'guest kernel')).toHaveLength(3);
    // Hardware at the bottom: 5 rows of 20 px, hardware's row is 80..100, inset by gap/2 = 3.
    expect(l.boxes[0]).toMatchObject({ name: 'hardware', x: 0, y: 83, width: 300, height: 14 });
    // Three columns of (300 − 2 × 6) / 3 = 96 px.
    expect(l.boxes.filter((b) => b.name === 'app').map((b) => b.x)).toEqual([0, 102, 204]);
    // The boundary wraps column 0's three rows (0..60) with gap/2 around: y 0, height 60.
    expect(l.boundary).toEqual({ x: -3, y: 0, width: 102, height: 60 });
  });

  it('one instance: one column; metal-like shared stacks still have the app column', () => {
    expect(layersLayout(VM, 1, 300, 20, 6).columns).toBe(1);
    const metal = layersLayout([VM[0]!, { name: 'OS', kind: 'host-os', shared: true }, VM[4]!], 5, 300, 20, 6);
    expect(metal.boxes.map((b) => b.column)).toEqual([-1, -1, 0, 1, 2]);
  });
});

describe('gridLayout', () => {
  it('largest square cells, by hand', () => {
    // 40 cells in 400 × 200: 10 cols × 4 rows gives min(40, 50) = 40; 9 × 5 gives min(44.4, 40) = 40;
    // 8 × 5 gives min(50, 40) = 40. The first found (smallest cols, 8) wins ties.
    expect(gridLayout(40, 400, 200)).toEqual({ cols: 8, rows: 5, cell: 40 });
    expect(gridLayout(1, 100, 50)).toEqual({ cols: 1, rows: 1, cell: 50 });
    expect(gridLayout(0, 100, 50).rows).toBe(0);
  });

  it('every cell fits (brute-force check over sizes)', () => {
    for (const n of [1, 2, 7, 40, 97, 500]) {
      const g = gridLayout(n, 640, 360);
      expect(g.cols * g.rows).toBeGreaterThanOrEqual(n);
      expect(g.cols * g.cell).toBeLessThanOrEqual(640 + 1e-9);
      expect(g.rows * g.cell).toBeLessThanOrEqual(360 + 1e-9);
    }
  });
});

describe('bootFraction', () => {
  it('0 before, linear during, 1 after', () => {
    expect(bootFraction(0, 100, 600)).toBe(0);
    expect(bootFraction(350, 100, 600)).toBe(0.5);
    expect(bootFraction(900, 100, 600)).toBe(1);
    expect(bootFraction(100, 100, 100)).toBe(1);
  });
});
