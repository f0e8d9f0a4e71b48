import { describe, expect, it } from 'vitest';
import { Engine } from '../../../sim/core/engine';
import { getPreset } from '../../../sim/hardware/presets';
import { bigoScene, type BigOView } from '../../../sim/bigo/scene';
import { bigoChartRow, describeStep, narrateBigO } from './stepReadout';

function viewAt(raw: Record<string, string>, steps: number): BigOView {
  const engine = new Engine(bigoScene.model(bigoScene.parseParams(raw).params, getPreset('2020')!), 1);
  if (steps) engine.run({ maxEvents: steps });
  return bigoScene.view(engine.state) as BigOView;
}

describe('Big O step readout', () => {
  it('says what moved and what was reallocated', () => {
    const v = viewAt({ structure: 'list', mix: 'front', n: '5' }, 5);
    expect(describeStep(v, v.last!)).toBe('insert(0, x); 4 elements shift right; the list grows from 4 to 8 slots (4 copied to the new array)');
    expect(narrateBigO(v)).toBe('Op 5 of 5, insert(0, x); 4 elements shift right; the list grows from 4 to 8 slots (4 copied to the new array). 5 elements in 8 slots, 120 bytes; 10 moves so far.');
    expect(bigoChartRow(v)).toEqual({ op: 'insert0', size: 5, capacity: 8, moved: 4, alloc: 1, total_moved: 10, reallocs: 2, copied: 4, cost: 19, bytes: 120, wasted_slots: 3 });
  });
  it('an emptied deque: says where its ends stand, and whether CPython re-centred them', () => {
    // append × 10 then popleft × 10 empties it inside the block: ends at 42/41, not re-centred.
    const inside = viewAt({ structure: 'deque', mix: 'drain-front', n: '10' }, 20);
    expect(describeStep(inside, inside.last!)).toBe('popleft(); nothing moves; the deque is empty, its ends at slots 42/41 of its one block — not re-centred: CPython re-centres only when an emptying op crosses a block edge');
    // append × 32 then popleft × 32: the last popleft crosses the edge (leftindex 63 → 64) and re-centres.
    const edge = viewAt({ structure: 'deque', mix: 'drain-front', n: '32' }, 64);
    expect(describeStep(edge, edge.last!)).toBe('popleft(); nothing moves; the deque is empty, its ends at slots 32/31 of its one block');
  });
});
