import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';

interface Step {
  i: number;
  op: string;
  size: number;
  capacity?: number;
  blocks?: number;
  moved: number;
  alloc: number;
}

describe('nanoscope bigo', () => {
  it('list insert0*5,pop0*5, worked by hand: capacities 4,4,4,4,8 | 8,8,8,4,0; moved 0..4 | 4..0', async () => {
    const r = await cli('bigo', '--structure', 'list', '--ops', 'insert0*5,pop0*5', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { structure: string; runtime: string; steps: Step[]; total_moved: number; reallocs: number };
    expect(Object.keys(out)).toEqual(['structure', 'runtime', 'steps', 'total_moved', 'reallocs']);
    expect(out.structure).toBe('list');
    expect(out.runtime).toBe('cpython-3.11');
    expect(out.steps[0]).toEqual({ i: 0, op: 'insert0', size: 1, capacity: 4, moved: 0, alloc: 1 });
    expect(out.steps.map((s) => s.capacity)).toEqual([4, 4, 4, 4, 8, 8, 8, 8, 4, 0]);
    expect(out.steps.map((s) => s.moved)).toEqual([0, 1, 2, 3, 4, 4, 3, 2, 1, 0]);
    expect(out.total_moved).toBe(20);
    expect(out.reallocs).toBe(4);
  });

  it('deque: append*33 opens a second block at the 33rd op (31 → 63 fills the first), nothing moves', async () => {
    const out = JSON.parse((await cli('bigo', '--structure', 'deque', '--ops', 'append*33', '--json')).stdout) as { steps: Step[]; total_moved: number; reallocs: number };
    expect(out.steps[31]).toEqual({ i: 31, op: 'append', size: 32, blocks: 1, moved: 0, alloc: 0 });
    expect(out.steps[32]).toEqual({ i: 32, op: 'append', size: 33, blocks: 2, moved: 0, alloc: 1 });
    expect(out.total_moved).toBe(0);
    expect(out.reallocs).toBe(1);
  });

  it('prints a readable table without --json', async () => {
    const r = await cli('bigo', '--structure', 'list', '--ops', 'append*5');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+4 {2}append +5 +8 +0 {2}yes \(4 → 8 slots\)$/m);
    expect(r.stdout).toMatch(/total moved: 0 slots; reallocations: 2/);
  });

  it('exits 1 naming a bad token, the step of a pop on empty, the bound; 2 without --structure', async () => {
    const bad = await cli('bigo', '--structure', 'list', '--ops', 'append*3,popleft', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.message).toBe('--ops: SPEC token 2 "popleft": unknown op "popleft" for a list (ops: append, pop, insert0, pop0)');
    const empty = await cli('bigo', '--structure', 'deque', '--ops', 'append*2,popleft*3', '--json');
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe('');
    expect(JSON.parse(empty.stderr).error.message).toMatch(/^--ops: step 4 \(popleft.*IndexError: pop from an empty deque$/);
    const big = await cli('bigo', '--structure', 'deque', '--ops', 'append*2000000');
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/COUNT must be an integer from 1 to 1000000/);
    expect((await cli('bigo', '--structure', 'tuple', '--ops', 'append')).code).toBe(1);
    expect((await cli('bigo', '--ops', 'append')).code).toBe(2);
  });

  const hasPython = spawnSync('python3', ['-c', 'import sys; assert sys.version_info[:2] == (3, 11)']).status === 0;
  it.skipIf(!hasPython)('equals real CPython 3.11 exactly (moved by the rule, alloc from getsizeof changing)', async () => {
    const cases: [string, string][] = [
      ['list', 'append*9,pop*9,insert0*20,pop0*7,append*3,pop*15,pop0'],
      ['deque', 'append*10,popleft*10,append*60,appendleft*70,pop*130'],
    ];
    for (const [structure, spec] of cases) {
      const py = spawnSync('python3', ['-c', PY, structure, spec], { encoding: 'utf8' });
      expect(py.status, py.stderr).toBe(0);
      const out = JSON.parse((await cli('bigo', '--structure', structure, '--ops', spec, '--json')).stdout);
      expect(out).toEqual(JSON.parse(py.stdout));
    }
  });
});

const PY = `
import sys, json, collections
structure, spec = sys.argv[1], sys.argv[2]
s = [] if structure == 'list' else collections.deque()
base = sys.getsizeof([] if structure == 'list' else collections.deque())
held = lambda: (sys.getsizeof(s) - base) // 8 if structure == 'list' else (sys.getsizeof(s) - base) // 528 + 1
key = 'capacity' if structure == 'list' else 'blocks'
steps, i, prev = [], 0, held()
for token in spec.split(','):
    op, _, count = token.partition('*')
    for _ in range(int(count or 1)):
        n = len(s)
        moved = n if op == 'insert0' else n - 1 if op == 'pop0' else 0
        {'append': lambda: s.append(i), 'appendleft': lambda: s.appendleft(i), 'insert0': lambda: s.insert(0, i),
         'pop': lambda: s.pop(), 'pop0': lambda: s.pop(0), 'popleft': lambda: s.popleft()}[op]()
        h = held()
        steps.append({'i': i, 'op': op, 'size': len(s), key: h, 'moved': moved, 'alloc': int(h != prev)})
        prev, i = h, i + 1
print(json.dumps({'structure': structure, 'runtime': 'cpython-3.11', 'steps': steps,
                  'total_moved': sum(x['moved'] for x in steps), 'reallocs': sum(x['alloc'] for x in steps)}))
`;

describe('nanoscope measure bigo', () => {
  it('times every cell at n = 1000, 2000, 4000; checksums agree; spread and load in the shared shapes', async () => {
    const r = await cli('measure', 'bigo', '--max-n', '4000', '--repeats', '2', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('bigo');
    expect(out.cells.map((c: { cell: string }) => c.cell)).toEqual(['push', 'unshift', 'shift', 'ring-deque', 'string-concat', 'string-join', 'anagram-sort', 'anagram-count']);
    for (const c of out.cells) {
      expect(c.points.map((p: { n: number }) => p.n)).toEqual([1000, 2000, 4000]);
      for (const p of c.points) {
        expect(p.agrees).toBe(true);
        expect(Object.keys(p.spread).sort()).toEqual(['max', 'median', 'min', 'repeats', 'unit']);
        expect(p.spread).toMatchObject({ repeats: 2, unit: 'ms', median: p.ms });
        expect(p.spread.min).toBeLessThanOrEqual(p.spread.max);
      }
      expect(typeof c.modelSlope).toBe('number');
    }
    expect(Object.keys(out.load).sort()).toEqual(['busy', 'cores', 'loadAfter', 'loadBefore', 'note', 'stealPct']);
    expect(out.cells.find((c: { cell: string }) => c.cell === 'string-concat').note).toMatch(/rope/);
  });

  it('exits 1 naming --max-n out of range, 2 for a flag of another measurement', async () => {
    const bad = await cli('measure', 'bigo', '--max-n', '10', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.message).toBe('--max-n must be an integer from 1000 to 2000000');
    expect((await cli('measure', 'bigo', '--sizes', '16K')).code).toBe(2);
  });
});
