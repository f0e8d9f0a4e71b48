import { describe, expect, it } from 'vitest';
import { SCENES } from './registry';
import { Timeline } from '../../sim/core/timeline';
import { getPreset } from '../../sim/hardware/presets';
import { loadScene } from '../../sim/scenes';
import type { TraceRecord } from '../../sim/core/engine';
import type { Frame } from '../engine/protocol';

describe('CSV rows of every scene', () => {
  // A column named elapsed_ns is the machine time of the row: it must equal t_ns on every row
  // of the default run (the threads scene once gave the step's end, one row ahead).
  for (const scene of SCENES) {
    it(`${scene.id}: elapsed_ns agrees with t_ns row by row`, async () => {
      const full = (await loadScene(scene.id))!;
      const { params } = full.parseParams({});
      const timeline = new Timeline(full.model(params, getPreset('2020')!), 1) as Timeline<unknown, unknown, TraceRecord>;
      timeline.extend(3_000);
      const last = Math.min(timeline.length, 300);
      for (let step = 0; step <= last; step++) {
        const t = timeline.timeAt(step);
        // The frame the worker would send for this step (its view made by this scene's model).
        const frame = { sceneId: scene.id, step, t, view: full.view(timeline.stateAt(step)), counts: {} } as Frame;
        const row = scene.chartRow!(frame)!;
        if ('elapsed_ns' in row) expect({ step, elapsed: row.elapsed_ns }).toEqual({ step, elapsed: t });
      }
    });
  }
});
