import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../sim/core/timeline';
import { getPreset } from '../../../sim/hardware/presets';
import { distributedScene } from '../../../sim/distributed/scene';
import { distributedChartRow, narrateDistributed } from './stepReadout';

describe('distributed step readout', () => {
  it('narrates the start and the end of a small job; the CSV row has its counters', () => {
    const { params } = distributedScene.parseParams({ machines: '2', cores: '1', inputGB: '0.256', straggler: 'off', speculative: 'off' });
    const tl = new Timeline(distributedScene.model(params, getPreset('2012')!), 1);
    tl.extend(10_000);
    // 0.256 GB = 2 map tasks of 128 MB; 2 reducers
    expect(narrateDistributed(distributedScene.view(tl.stateAt(0)))).toMatch(/^Phase setup at 0 s of .*; 0 of 2 map tasks done; 0 of 2 reducers done; 0 B shuffled\.$/);
    const end = distributedScene.view(tl.stateAt(tl.length));
    expect(narrateDistributed(end)).toMatch(/^Job done at .*; 2 of 2 map tasks done; 2 of 2 reducers done; .* shuffled\.$/);
    expect(distributedChartRow(end)).toMatchObject({ phase: 'done', maps_done: 2, reducers_done: 2, backups: 0, reruns: 0 });
  });
});
