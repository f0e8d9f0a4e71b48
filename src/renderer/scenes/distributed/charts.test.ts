import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../sim/distributed/cluster';
import { splitStates, coreStates, formatBytesDecimal, formatSeconds, ganttLayout, groupLinks, shuffleNodes } from './charts';

const a = (over: Partial<Attempt>): Attempt => ({ task: 0, phase: 'map', kind: 'original', machine: 0, core: 0, startS: 0, endS: 10, locality: 'node', outcome: 'won', ...over });

describe('distributed charts', () => {
  it('formats units', () => {
    expect(formatSeconds(0.0005)).toBe('500 µs');
    expect(formatSeconds(90)).toBe('90.0 s');
    expect(formatSeconds(1800)).toBe('30.0 min');
    expect(formatBytesDecimal(150e12)).toBe('150 TB');
    expect(formatBytesDecimal(999)).toBe('999 B');
    expect(formatBytesDecimal(999_999_999)).toBe('1.00 GB');
  });

  it('core states at a time: running attempts, backups, a dead machine', () => {
    const attempts = [a({}), a({ machine: 1, core: 1, kind: 'backup', startS: 5, endS: 8 }), a({ machine: 1, core: 0, phase: 'reduce', startS: 10, endS: 12 })];
    expect(coreStates(attempts, 2, 2, 6, null, false)).toEqual([
      ['map', 'idle'],
      ['idle', 'backup'],
    ]);
    expect(coreStates(attempts, 2, 2, 10, 0, true)).toEqual([
      ['dead', 'dead'],
      ['reduce', 'idle'],
    ]);
  });

  it('split states: waiting, mapping, mapped, and lost after the failure until re-run', () => {
    const attempts = [a({ task: 0, startS: 0, endS: 5, machine: 1, outcome: 'lost' }), a({ task: 0, kind: 'rerun', startS: 8, endS: 12 }), a({ task: 1, startS: 2, endS: 6 })];
    expect(splitStates(attempts, 3, 3, 7)).toEqual(['mapping', 'mapping', 'waiting']);
    expect(splitStates(attempts, 3, 6.5, 7)).toEqual(['mapped', 'mapped', 'waiting']);
    expect(splitStates(attempts, 3, 7.5, 7)).toEqual(['lost', 'mapped', 'waiting']);
    expect(splitStates(attempts, 3, 9, 7)).toEqual(['mapping', 'mapped', 'waiting']);
    expect(splitStates(attempts, 3, 12, 7)).toEqual(['mapped', 'mapped', 'waiting']);
  });

  it('lays out a Gantt: one row per machine, a sub-row per core', () => {
    const g = ganttLayout([a({ machine: 1, core: 1, startS: 5, endS: 10 })], 2, 2, 10, 100, 20);
    expect(g.bars[0]).toMatchObject({ x: 50, y: 30, width: 50, height: 9 });
    expect(g.height).toBe(40);
  });

  it('groups machines by rack when there are many', () => {
    const rackOf = Array.from({ length: 45 }, (_, m) => Math.floor(m / 20));
    const nodes = shuffleNodes(rackOf, 16);
    expect(nodes.labels).toEqual(['rack 0', 'rack 1', 'rack 2']);
    const links = Array.from({ length: 45 }, () => new Array<number>(45).fill(1));
    const grouped = groupLinks(links, nodes.groupOf, 3);
    expect(grouped[0]![2]).toBe(20 * 5);
    expect(grouped.flat().reduce((s, v) => s + v, 0)).toBe(45 * 45);
  });
});
