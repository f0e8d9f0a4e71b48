import { describe, expect, it } from 'vitest';
import { c10kInstants, serveC10k } from './c10k';
import { eventLoopScene } from './scene';
import { Timeline } from '../core/timeline';
import { getPreset } from '../hardware/presets';

describe('C10k on the timeline', () => {
  it('steps through every drawn lane start and end and each finish (worked by hand)', () => {
    const costs = { cores: 1, contextSwitchNs: 1, threadCreateNs: 10, threadStackBytes: 1, connectionBytes: 1, memoryBytes: 1e12 };
    const results = serveC10k({ requests: 2, waitNs: 100, cpuNs: 5 }, costs);
    // blocking: [0,105] [105,210]; threads: [0, 10+100+5+2 = 117] [10, 127], done at 127;
    // event loop: [0, 105] [0, 110], done at 110.
    expect(c10kInstants(results)).toEqual([0, 10, 105, 110, 117, 127, 210]);
    expect(c10kInstants(results, 3)).toEqual([0, 110, 210]);
  });

  it('the scene in the C10k view plays its requests: one event per instant, the view at the playhead', () => {
    const { params } = eventLoopScene.parseParams({ view: 'c10k', requests: '3', wait: 'datacenter' });
    const timeline = new Timeline(eventLoopScene.model(params, getPreset('2020')!), 1);
    timeline.extend(10_000);
    const first = eventLoopScene.view(timeline.stateAt(0)).c10k!;
    expect(timeline.length).toBe(first.instants.length);
    for (let step = 1; step <= timeline.length; step++) {
      const view = eventLoopScene.view(timeline.stateAt(step));
      expect(view.c10k!.tNs).toBe(timeline.timeAt(step));
      expect(view.console).toEqual([]);
    }
    const end = eventLoopScene.view(timeline.stateAt(timeline.length)).c10k!;
    expect(end.tNs).toBe(Math.max(...end.results.map((r) => r.totalNs)));
    // The program view is unchanged: no C10k picture.
    const program = new Timeline(eventLoopScene.model(eventLoopScene.parseParams({}).params, getPreset('2020')!), 1);
    expect(eventLoopScene.view(program.stateAt(0)).c10k).toBeNull();
  });
});
