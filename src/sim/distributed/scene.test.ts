import { describe, expect, it } from 'vitest';
import { Timeline } from '../core/timeline';
import { getPreset } from '../hardware/presets';
import { distributedScene, DISTRIBUTED_PARAMS, type DistributedView } from './scene';

const machine = getPreset('2012')!;

describe('the distributed scene', () => {
  it('parses by the one table; bad values are reported and ignored; serialize round-trips', () => {
    const { params, ignored } = distributedScene.parseParams({ job: 'join', machines: '8', combiner: 'off', cores: '99', nope: '1', inputGB: '' });
    expect(params).toMatchObject({ job: 'join', machines: 8, combiner: false, cores: 4, inputGB: null });
    expect(ignored.map((i) => i.key).sort()).toEqual(['cores', 'nope']);
    expect(ignored.find((i) => i.key === 'cores')!.reason).toBe('cores must be an integer from 1 to 16');
    expect(distributedScene.parseParams(distributedScene.serializeParams(params)).params).toEqual(params);
    expect(Object.keys(distributedScene.defaults).sort()).toEqual(DISTRIBUTED_PARAMS.map((p) => p.name).sort());
  });

  it('replays the plan: at the end every map task and reducer is done, and the same seed gives the same run', () => {
    const { params } = distributedScene.parseParams({ machines: '6', cores: '2', inputGB: '10', failure: 'on' });
    const run = (seed: number) => {
      const tl = new Timeline(distributedScene.model(params, machine), seed);
      tl.extend(1_000_000);
      return tl;
    };
    const tl = run(7);
    const end = distributedScene.view(tl.stateAt(tl.length)) as DistributedView;
    expect(end.mapsDone).toBe(end.mapTasks);
    expect(end.rerunsStarted).toBeGreaterThan(0);
    expect(end.reducesDone).toBe(end.reducers);
    expect(end.phase).toBe('done');
    expect(end.shuffledBytes).toBeCloseTo(end.shuffleBytes, 3);
    expect(end.failed).toBe(true);
    expect(end.combinerSides.map((s) => s.combiner)).toEqual([false, true]);
    // the combiner shrinks word count's shuffle ~100×
    expect(end.combinerSides[0]!.shuffleBytes / end.combinerSides[1]!.shuffleBytes).toBeCloseTo(133, 0);
    const again = run(7);
    expect(again.length).toBe(tl.length);
    expect(distributedScene.view(again.stateAt(again.length))).toEqual(end);
    // half way, some tasks are still to run
    const mid = distributedScene.view(tl.stateAt(Math.floor(tl.length / 2))) as DistributedView;
    expect(mid.mapsDone + mid.reducesDone).toBeLessThan(end.mapsDone + end.reducesDone);
  });
});
