import { describe, expect, it } from 'vitest';
import { compareOutputs, outputLines, raceRules, terminalLines, verdict, NODE_RACE_WINDOW_NS } from './compare';

const ms = 1e6;
const statuses = (rows: ReturnType<typeof compareOutputs>) => rows.map((r) => r.status);

describe('model vs real comparison', () => {
  it('marks every differing row, including lines only one side printed', () => {
    expect(compareOutputs(['a', 'b', 'c'], ['a', 'c'])).toEqual([
      { line: 1, model: 'a', real: 'a', status: 'same', same: true },
      { line: 2, model: 'b', real: 'c', status: 'differ', same: false },
      { line: 3, model: 'c', real: null, status: 'differ', same: false },
    ]);
  });

  it('splits stdout into lines without a trailing empty one', () => {
    expect(outputLines('x\ny\n')).toEqual(['x', 'y']);
    expect(outputLines('')).toEqual([]);
  });

  it("compares lines as the terminal shows them: console.log('a\\nb') is two lines, both the same", () => {
    // Node prints "a", a line break, "b", a line break: stdout "a\nb\n".
    const model = terminalLines([{ text: 'a\nb', t: 2 * ms }]);
    const rows = compareOutputs(model, outputLines('a\nb\n'), raceRules('node', "console.log('a\\nb')", []));
    expect(statuses(rows)).toEqual(['same', 'same']);
    expect(verdict(rows, { model: null, real: null })).toBe('The model predicted all 2 lines exactly.');
  });

  it('a 5 ms interval against a 12 ms timeout: the timeout and the third tick may swap (3 ms apart), a race', () => {
    const model = [
      { text: 'tick', t: 5 * ms },
      { text: 'tick', t: 10 * ms },
      { text: 'timeout', t: 12 * ms },
      { text: 'tick', t: 15 * ms },
    ];
    const rows = compareOutputs(model, ['tick', 'tick', 'tick', 'timeout'], { windowNs: NODE_RACE_WINDOW_NS, startRace: false });
    expect(statuses(rows)).toEqual(['same', 'same', 'race', 'race']);
    expect(verdict(rows, { model: null, real: null })).toBe('The model predicted all 4 lines. 2 lines are in a race: either order is correct.');
    // 12 ms against 30 ms is no race: the same swap is a difference.
    const far = compareOutputs([model[0]!, { text: 'timeout', t: 12 * ms }, { text: 'tick', t: 30 * ms }], ['tick', 'tick', 'timeout'], {
      windowNs: NODE_RACE_WINDOW_NS,
      startRace: false,
    });
    expect(statuses(far)).toEqual(['same', 'differ', 'differ']);
  });

  it('synchronous code always prints first: a swap with the main script is a difference unless the model flagged a start race', () => {
    const model = [
      { text: 'script end', t: 2 * ms },
      { text: 'immediate', t: 2 * ms },
      { text: 'timeout', t: 3 * ms },
    ];
    const rules = raceRules('node', '', []);
    expect(statuses(compareOutputs(model, ['script end', 'timeout', 'immediate'], rules))).toEqual(['same', 'differ', 'differ']);
    const flagged = raceRules('node', '', ['race: the main script queued a timer due within 1 ms of the loop start and a setImmediate.']);
    expect(statuses(compareOutputs(model, ['script end', 'timeout', 'immediate'], flagged))).toEqual(['same', 'race', 'race']);
    // Lines of one instant (a callback and its microtasks) have a fixed order: no race unless flagged.
    expect(statuses(compareOutputs(model, ['immediate', 'script end', 'timeout'], rules))).toEqual(['differ', 'differ', 'same']);
    // As the model really prints it: setTimeout(0) and setImmediate both at the loop's first instant.
    const both = [
      { text: 'i', t: 2 * ms },
      { text: 't', t: 2 * ms },
    ];
    expect(statuses(compareOutputs(both, ['t', 'i'], flagged))).toEqual(['race', 'race']);
  });

  it('rAF in the browser: a frame-long window', () => {
    expect(raceRules('browser', 'requestAnimationFrame(f)', []).windowNs).toBe(16_700_000);
    expect(raceRules('browser', 'setTimeout(f)', []).windowNs).toBe(NODE_RACE_WINDOW_NS);
  });

  it('never claims an exact prediction when the model or the real run failed', () => {
    expect(verdict([], { model: 'SyntaxError: Unexpected token (line 1, column 5)', real: null })).toBe(
      'The model could not run this program to the end (SyntaxError: Unexpected token (line 1, column 5)): no prediction to check.',
    );
    const rows = compareOutputs(['a'], ['a']);
    expect(verdict(rows, { model: null, real: 'stopped after 5 s' })).toBe('The real run failed (stopped after 5 s): 1 of 1 lines agree so far.');
    expect(verdict([], { model: null, real: null })).toBe('Neither the model nor the real run printed anything.');
  });
});
