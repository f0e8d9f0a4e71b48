import { describe, expect, it } from 'vitest';
import { SCENE_MANIFESTS } from '../../sim/manifests';
import { SCENES } from './registry';

describe('scene UI registry', () => {
  it('every scene of src/sim/manifests.ts has exactly one UI, in the same order, with its manifest (not its model)', () => {
    expect(SCENES.map((s) => s.id)).toEqual(SCENE_MANIFESTS.map((m) => m.id));
    SCENES.forEach((ui, i) => expect(ui.model).toBe(SCENE_MANIFESTS[i]));
  });
});
