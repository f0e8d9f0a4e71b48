import { describe, expect, it } from 'vitest';
import { compareOutputs, outputLines } from './compare';

describe('model vs real comparison', () => {
  it('marks every differing row, including lines only one side printed', () => {
    expect(compareOutputs(['a', 'b', 'c'], ['a', 'c'])).toEqual([
      { line: 1, model: 'a', real: 'a', same: true },
      { line: 2, model: 'b', real: 'c', same: false },
      { line: 3, model: 'c', real: null, same: false },
    ]);
  });

  it('splits stdout into lines without a trailing empty one', () => {
    expect(outputLines('x\ny\n')).toEqual(['x', 'y']);
    expect(outputLines('')).toEqual([]);
  });
});
