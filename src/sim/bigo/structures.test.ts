import { describe, expect, it } from 'vitest';
import { DequeModel, ListModel, listResize, parseSpec, runOps, SpecError, type StructureId } from './structures';
import { replaySpec } from './replay';

interface Recorded {
  readonly structure: StructureId;
  readonly spec: string;
  readonly size: number[];
  readonly capacity?: number[];
  readonly blocks?: number[];
  readonly error?: { step: number; op: string; message: string };
}

// The specifier is built at run time so TypeScript does not pull the JSON into the sim build.
const fixture = 'cpython311.json';
const table = ((await import(/* @vite-ignore */ `./fixtures/${fixture}`)) as { default: { runtime: string; sequences: Recorded[] } }).default;


describe('the list and deque models against a table recorded from CPython 3.11 (fixtures/record.py)', () => {
  it('was recorded by CPython 3.11', () => {
    expect(table.runtime).toMatch(/^cpython-3\.11\./);
    expect(table.sequences.length).toBeGreaterThan(60);
  });
  for (const row of table.sequences) {
    it(`${row.structure} ${row.spec.length > 60 ? row.spec.slice(0, 60) + '…' : row.spec}`, () => {
      const got = replaySpec(row.structure, row.spec);
      expect(got.size).toEqual(row.size);
      expect(got.held).toEqual(row.structure === 'list' ? row.capacity : row.blocks);
      if (row.error) {
        expect(got.error?.step).toBe(row.error.step);
        expect(got.error?.message).toContain(`IndexError: ${row.error.message}`);
      } else expect(got.error).toBeUndefined();
    });
  }
});

describe('list_resize, worked by hand', () => {
  it('grows 0, 4, 8, 16, 24, 32, 40, 52, 64, 76 on appends', () => {
    const caps = new Set<number>();
    const l = new ListModel();
    for (let i = 0; i < 70; i++) caps.add(l.apply('append').capacity!);
    expect([...caps]).toEqual([4, 8, 16, 24, 32, 40, 52, 64, 76]);
  });
  it('shrinks only below half: 16 slots hold 8 without a realloc; 7 gives (7 + 0 + 6) & ~3 = 12', () => {
    expect(listResize(16, 9, 8)).toBe(16);
    expect(listResize(16, 8, 7)).toBe(12);
    expect(listResize(4, 1, 0)).toBe(0);
    expect(listResize(0, 0, 0)).toBe(0);
  });
  it('insert0 on n shifts n, pop0 on n shifts n - 1; a realloc copy is not a move', () => {
    const r = runOps('list', parseSpec('list', 'insert0*5,pop0*5'));
    expect(r.steps.map((s) => s.moved)).toEqual([0, 1, 2, 3, 4, 4, 3, 2, 1, 0]);
    expect(r.totalMoved).toBe(20);
    // capacities 4,4,4,4,8 then 8,8 (3 ≥ 4? no: 3 < 8 >> 1 → (3+6)&~3 = 8), 8, (1+6)&~3 = 4, 0
    expect(r.steps.map((s) => s.capacity)).toEqual([4, 4, 4, 4, 8, 8, 8, 8, 4, 0]);
    expect(r.steps.map((s) => s.alloc)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 1]);
    expect(r.reallocs).toBe(4);
  });
});

describe('deque blocks', () => {
  it('a deque emptied inside its block keeps its indices; emptied across an edge it re-centres', () => {
    const d = new DequeModel();
    for (let i = 0; i < 10; i++) d.apply('append');
    for (let i = 0; i < 10; i++) d.apply('popleft');
    expect([d.leftindex, d.rightindex]).toEqual([42, 41]);
    // 22 appends fill slots 42..63; the 23rd opens a block
    const steps = Array.from({ length: 23 }, () => d.apply('append'));
    expect(steps.map((s) => s.alloc).indexOf(1)).toBe(22);
    const e = new DequeModel();
    for (let i = 0; i < 32; i++) e.apply('append'); // rightindex 31 → 63
    const cross = e.apply('append'); // a second block
    expect(cross).toMatchObject({ blocks: 2, alloc: 1, rightindex: 0 });
    const popped = Array.from({ length: 33 }, () => e.apply('popleft')); // leftindex 32 → 64: block freed at 32 pops
    expect(popped[31]).toMatchObject({ blocks: 1, alloc: 1, leftindex: 0, size: 1 });
    expect(popped[32]).toMatchObject({ blocks: 1, alloc: 0, leftindex: 1, rightindex: 0, size: 0 });
  });
});

describe('SPEC', () => {
  it('names a bad token', () => {
    expect(() => parseSpec('list', 'append*3,appendleft')).toThrow(/SPEC token 2 "appendleft": unknown op "appendleft" for a list/);
    expect(() => parseSpec('deque', 'append*0')).toThrow(/SPEC token 1 "append\*0": COUNT must be an integer from 1 to 1000000/);
    expect(() => parseSpec('deque', 'append*x')).toThrow(SpecError);
    expect(() => parseSpec('deque', 'append,')).toThrow(/SPEC token 2 "": expected OP or OP\*COUNT/);
    expect(() => parseSpec('list', 'append*600000,pop*500000')).toThrow(/more than 1000000 ops in total/);
  });
});

