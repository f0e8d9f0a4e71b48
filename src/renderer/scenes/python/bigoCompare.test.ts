import { describe, expect, it } from 'vitest';
import { firstDifference, listSizesByRule, programRows, ruleOf, runsOf, versionNote } from './bigoCompare';

describe('CPython list growth', () => {
  // Worked by hand for 3.9+: n=1 → (1+0+6)&~3 = 4 slots → 56 + 32 = 88; n=5 → (5+0+6)&~3 = 8 → 120;
  // n=9 → (9+1+6)&~3 = 16 → 184; n=17 → (17+2+6)&~3 = 24 → 248. Real CPython 3.11.2 printed the same (tests/unit/pythonCli.test.ts).
  it('3.9+: 88 ×4, 120 ×4, 184 ×8, 248…', () => {
    expect(listSizesByRule('3.9+', 17)).toEqual([88, 88, 88, 88, 120, 120, 120, 120, 184, 184, 184, 184, 184, 184, 184, 184, 248]);
  });
  // Up to 3.8: n=1 → 1+0+3 = 4 → 88; n=5 → 5+0+3 = 8 → 120; n=9 → 9+1+6 = 16 → 184; n=17 → 17+2+6 = 25 → 256.
  it('3.8-: the same until 17 appends, then 25 slots (256 bytes) instead of 24', () => {
    const old = listSizesByRule('3.8-', 17);
    expect(old[16]).toBe(256);
    expect(firstDifference(old, listSizesByRule('3.9+', 17))).toBe(16);
  });
  it('picks the rule by version; other implementations have none', () => {
    expect(ruleOf('CPython', '3.11.2')).toBe('3.9+');
    expect(ruleOf('CPython', '3.8.18')).toBe('3.8-');
    expect(ruleOf('PyPy', '3.10.14')).toBeNull();
  });
});

describe('op-by-op rows', () => {
  it('writes runs of equal sizes', () => {
    expect(runsOf([88, 88, 88, 88, 120, 184, 184])).toBe('88 ×4, 120, 184 ×2');
    expect(runsOf([])).toBe('');
  });
  it('cuts the program into rows and finds the first difference in each', () => {
    const program = [
      { op: 'append', count: 3 },
      { op: 'pop', count: 2 },
    ];
    const rows = programRows(program, [88, 88, 88, 88, 56], [88, 88, 88, 88, 88]);
    expect(rows.map((r) => [r.op, r.from, r.differsAt])).toEqual([
      ['append', 0, -1],
      ['pop', 3, 1],
    ]);
    expect(rows[1]!.python).toEqual([88, 56]);
  });
  it('a short Python sequence is a difference where it ends', () => {
    expect(programRows([{ op: 'append', count: 3 }], [88], [88, 88, 88])[0]!.differsAt).toBe(1);
  });
});

describe('what the panel says about another version', () => {
  it('nothing on the modelled version', () => {
    expect(versionNote('CPython', '3.11.2', '3.11', '3.9+', false)).toBeNull();
  });
  it('names the rule another CPython uses, and whether the sizes still agree', () => {
    expect(versionNote('CPython', '3.12.1', '3.11', '3.9+', false)).toContain('3.12.1 uses the 3.9+ list growth rule');
    expect(versionNote('CPython', '3.12.1', '3.11', '3.9+', false)).toContain('every size agrees here');
    expect(versionNote('CPython', '3.8.18', '3.11', '3.8-', true)).toContain('3.8.18 uses the pre-3.9 list growth rule');
    expect(versionNote('CPython', '3.8.18', '3.11', '3.8-', true)).toContain('where a row differs');
  });
  it('another implementation follows its own rules', () => {
    expect(versionNote('PyPy', '3.10.14', '3.11', null, true)).toContain('PyPy 3.10.14 is not CPython 3.11');
  });
});
