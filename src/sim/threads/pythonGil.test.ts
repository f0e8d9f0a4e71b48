import { describe, expect, it } from 'vitest';
import { LOOP_BODY, parseMajorMinor, predictGilSpeedup, predictRace, switchPointsOf } from './pythonGil';

const cpython = (version: string, freeThreaded = false) => ({ version, implementation: 'CPython', freeThreaded });

describe('the GIL switch-point model', () => {
  it('picks the rule from the version: per bytecode before 3.10, jumps and calls from 3.10, none without the GIL', () => {
    expect(switchPointsOf(cpython('3.9.18'))).toBe('per-bytecode');
    expect(switchPointsOf(cpython('3.10.0'))).toBe('backward-jumps-and-calls');
    expect(switchPointsOf(cpython('3.11.7'))).toBe('backward-jumps-and-calls');
    expect(switchPointsOf(cpython('3.13.1', true))).toBe('none');
    expect(switchPointsOf({ version: '3.10.14', implementation: 'PyPy', freeThreaded: false })).toBe('per-bytecode');
    expect(parseMajorMinor('3.13.0rc1')).toEqual([3, 13]);
    expect(parseMajorMinor('junk')).toBeNull();
  });

  // Worked by hand from LOOP_BODY: seed reads at 4 and writes at 7; call reads at 4, calls at 5, writes at 7;
  // JUMP_BACKWARD is op 8 in both.
  it('3.11: the tutorial cell cannot lose updates (only the backward jump is a switch point), the call variant can', () => {
    const seed = predictRace(cpython('3.11.7'), 'seed');
    expect(seed.switchAfter).toEqual([8]);
    expect(seed.lostPossible).toBe(false);
    const call = predictRace(cpython('3.11.7'), 'call');
    expect(call.switchAfter).toEqual([5, 8]);
    expect(call.lostPossible).toBe(true);
    expect(call.reason).toContain('CALL');
  });

  it('3.9: a switch after every bytecode, so both cells can lose updates', () => {
    const seed = predictRace(cpython('3.9.18'), 'seed');
    expect(seed.switchAfter).toEqual(LOOP_BODY.seed.map((_, i) => i));
    expect(seed.lostPossible).toBe(true);
    expect(seed.reason).toContain('BINARY_SUBSCR');
  });

  it('free-threaded: no switch points, and updates can be lost in both cells', () => {
    for (const v of ['seed', 'call'] as const) {
      const p = predictRace(cpython('3.13.1', true), v);
      expect(p.switchAfter).toEqual([]);
      expect(p.lostPossible).toBe(true);
    }
  });

  it('expects no speed-up from threads under the GIL, min(workers, cores) from processes', () => {
    expect(predictGilSpeedup('threads', 4, 2, false)).toBe(1);
    expect(predictGilSpeedup('processes', 4, 2, false)).toBe(2);
    expect(predictGilSpeedup('threads', 2, 8, true)).toBe(2);
  });
});
