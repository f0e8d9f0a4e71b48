import { describe, expect, it } from 'vitest';
import { PATTERNS, resolvePatternParams, runPattern, type PatternId } from './patterns';

function collect(id: PatternId, given: Record<string, number>, seed = 1, max = Infinity): string[] {
  const r = resolvePatternParams(id, given);
  if (!r.ok) throw new Error(r.problems.join('; '));
  const log: string[] = [];
  runPattern(id, r.params, { access: (hi, lo, size, w) => void log.push(`${w ? 'W' : 'R'}${hi * 2 ** 32 + lo}/${size}`) }, seed, max);
  return log;
}

describe('patterns', () => {
  it('row-major and column-major of a 2×3 matrix of 8-byte elements', () => {
    // a[i][j] at (i × 3 + j) × 8.
    expect(collect('row-major', { rows: 2, cols: 3 })).toEqual(['R0/8', 'R8/8', 'R16/8', 'R24/8', 'R32/8', 'R40/8']);
    expect(collect('column-major', { rows: 2, cols: 3 })).toEqual(['R0/8', 'R24/8', 'R8/8', 'R32/8', 'R16/8', 'R40/8']);
  });

  it('sequential and stride sweeps stop before the end of the array', () => {
    expect(collect('sequential', { bytes: 32, elem: 8, passes: 2 })).toEqual(['R0/8', 'R8/8', 'R16/8', 'R24/8', 'R0/8', 'R8/8', 'R16/8', 'R24/8']);
    // 192 + 8 = 200 still fits; 256 does not.
    expect(collect('stride', { bytes: 200, stride: 64, elem: 8 })).toEqual(['R0/8', 'R64/8', 'R128/8', 'R192/8']);
    expect(collect('stride', { bytes: 199, stride: 64, elem: 8 })).toEqual(['R0/8', 'R64/8', 'R128/8']);
  });

  it('matrix multiply n = 2: ijk, ikj, and blocked with one tile equal to ikj', () => {
    // A at 0, B at 4 × 8 = 32, C at 64; element (r, c) at base + (r × 2 + c) × 8.
    expect(collect('matmul-ijk', { n: 2 }).slice(0, 6)).toEqual(['R64/8', 'R0/8', 'R32/8', 'R8/8', 'R48/8', 'W64/8']);
    expect(collect('matmul-ijk', { n: 2 })).toHaveLength(4 * (1 + 2 * 2 + 1));
    expect(collect('matmul-ikj', { n: 2 }).slice(0, 7)).toEqual(['R0/8', 'R32/8', 'R64/8', 'W64/8', 'R40/8', 'R72/8', 'W72/8']);
    expect(collect('matmul-blocked', { n: 2, block: 2 })).toEqual(collect('matmul-ikj', { n: 2 }));
    // n = 4 in 2×2 tiles: A[i][k] is read once per jj tile (4 × 4 × 2 = 32), B and C as in ikj (3 × 64).
    const blocked = collect('matmul-blocked', { n: 4, block: 2 });
    expect(blocked).toHaveLength(32 + 192);
    const notA = (xs: string[]) => xs.filter((x) => Number(x.slice(1).split('/')[0]) >= 16 * 8).sort();
    expect(notA(blocked)).toEqual(notA(collect('matmul-ikj', { n: 4 })));
  });

  it('list chases: in order, or one seeded cycle from node 0 through every node once', () => {
    expect(collect('list-sequential', { nodes: 3, node: 16 })).toEqual(['R0/8', 'R16/8', 'R32/8']);
    const shuffled = collect('list-shuffled', { nodes: 64, node: 16 }, 5);
    expect(shuffled[0]).toBe('R0/8');
    expect([...shuffled].sort()).toEqual(collect('list-sequential', { nodes: 64, node: 16 }).sort());
    expect(shuffled).not.toEqual(collect('list-sequential', { nodes: 64, node: 16 }));
    expect(collect('list-shuffled', { nodes: 64, node: 16 }, 5)).toEqual(shuffled);
  });

  it('random stays element-aligned inside the working set and is deterministic per seed', () => {
    const a = collect('random', { working: 256, count: 500 }, 3);
    expect(a).toHaveLength(500);
    for (const x of a) {
      const addr = Number(x.slice(1).split('/')[0]);
      expect(addr % 8 === 0 && addr < 256).toBe(true);
    }
    expect(collect('random', { working: 256, count: 500 }, 3)).toEqual(a);
    expect(collect('random', { working: 256, count: 500 }, 4)).not.toEqual(a);
  });

  it('stops at the access budget and reports bad parameters by name', () => {
    expect(collect('row-major', { rows: 16, cols: 16 }, 1, 10)).toHaveLength(10);
    expect(resolvePatternParams('row-major', { rows: 0, depth: 3 })).toEqual({
      ok: false,
      problems: ['rows: must be an integer from 1 to 65536, got 0', 'depth: not a parameter of row-major (it takes rows, cols, elem, passes)'],
    });
    expect(resolvePatternParams('zigzag', {}).ok).toBe(false);
    expect(PATTERNS.map((p) => p.id)).toHaveLength(10);
  });
});
