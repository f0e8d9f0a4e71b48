import { describe, expect, it } from 'vitest';
import { getPreset } from '../hardware/presets';
import type { MachineModel } from '../hardware/types';
import { ladderRungs, RUNG_IDS } from './rungs';

const preset = (id: string): MachineModel => {
  const m = getPreset(id);
  if (m === undefined) throw new Error(id);
  return m;
};

describe('ladderRungs', () => {
  it('orders the 2012 table fastest first, then the missing L3', () => {
    const rungs = ladderRungs(preset('2012'));
    expect(rungs.map((r) => [r.id, r.ns])).toEqual([
      ['cpu-cycle', 1 / 3.4], // 3.4 GHz → 0.294 ns
      ['l1', 0.5],
      ['branch-mispredict', 5],
      ['l2', 7],
      ['mutex', 25],
      ['ram', 100],
      ['compress-1kb', 3e3],
      ['send-1kb', 10e3],
      ['ssd-random-4k', 150e3],
      ['ram-seq-1mb', 250e3],
      ['datacenter-rtt', 500e3],
      ['ssd-seq-1mb', 1e6],
      ['disk-seek', 10e6],
      ['hdd-seq-1mb', 20e6],
      ['intercontinental-rtt', 150e6],
      ['l3', null],
    ]);
    const ram = rungs.find((r) => r.id === 'ram');
    expect(ram).toEqual({ id: 'ram', label: 'Main memory reference', ns: 100, source: 'Dean/Norvig ~2012', group: 'memory' });
    expect(rungs.find((r) => r.id === 'intercontinental-rtt')?.label).toBe('Packet California → Netherlands → California');
    expect(rungs.find((r) => r.id === 'l3')).toEqual({ id: 'l3', label: 'L3 cache reference', ns: null, source: null, group: 'memory' });
  });

  it('reads L3 from the third data-path cache level; missing rungs follow in canonical order', () => {
    const rungs = ladderRungs(preset('teaching'));
    expect(rungs.map((r) => [r.id, r.ns])).toEqual([
      ['cpu-cycle', 1],
      ['l1', 1], // tie with the cycle: canonical order keeps the cycle first
      ['l2', 4],
      ['l3', 12],
      ['ram', 100],
      ...RUNG_IDS.filter((id) => !['cpu-cycle', 'l1', 'l2', 'l3', 'ram'].includes(id)).map((id) => [id, null]),
    ]);
    expect(rungs[0]?.source).toBe('1 / clock (teaching values, round numbers)');
  });
});
