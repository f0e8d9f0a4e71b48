import { describe, expect, it } from 'vitest';
import { Timeline } from '../core/timeline';
import { getPreset } from '../hardware/presets';
import { PUZZLES } from './corpus/puzzles';
import { eventLoopScene } from './scene';

const machine = getPreset('2020')!;

describe('event-loop scene', () => {
  it('parses and serializes its parameters, reporting bad ones', () => {
    const { params, ignored } = eventLoopScene.parseParams({ runtime: 'browser', preset: 'combinators', requests: '20000', view: 'c10k' });
    expect(params).toMatchObject({ runtime: 'browser', preset: 'combinators', view: 'c10k', requests: 1000 });
    expect(params.code).toBe(PUZZLES.find((p) => p.id === 'combinators')?.source);
    expect(ignored).toEqual([{ key: 'requests', reason: 'requests must be an integer from 1 to 10000' }]);
    const own = eventLoopScene.parseParams({ code: 'console.log(1)', wait: 'datacenter', requests: '50' }).params;
    expect(eventLoopScene.parseParams(eventLoopScene.serializeParams(own)).params).toEqual(own);
    expect(eventLoopScene.serializeParams(eventLoopScene.defaults)).toEqual({ runtime: 'node', preset: PUZZLES[0]?.id });
  });

  it('replays one loop step per event, and stepping back gives the same view as going forward', () => {
    const { params } = eventLoopScene.parseParams({ preset: 'async-await-order' });
    const timeline = new Timeline(eventLoopScene.model(params, machine), 1, { snapshotEvery: 4 });
    timeline.extend(10_000);
    expect(timeline.done).toBe(true);
    const n = timeline.length;
    const last = eventLoopScene.view(timeline.stateAt(n));
    expect(last.console.map((l) => l.text)).toEqual(['script start', 'async1 start', 'async2', 'promise1', 'script end', 'async1 end', 'promise2', 'setTimeout']);
    expect(last.step?.kind).toBe('exit');
    const forward = Array.from({ length: n + 1 }, (_, i) => JSON.stringify(eventLoopScene.view(timeline.stateAt(i))));
    for (let i = n; i >= 0; i--) expect(JSON.stringify(eventLoopScene.view(timeline.stateAt(i)))).toBe(forward[i]);
    expect(eventLoopScene.view(timeline.stateAt(0)).step).toBeNull();
  });
});
