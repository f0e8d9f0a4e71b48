import { describe, expect, it } from 'vitest';
import { SCENE_MANIFESTS, SCENE_IDS, manifestById } from './manifests';
import { loadScene, loadScenes } from './scenes';

const SCENE_LIST = await loadScenes();

describe('the scene registry', () => {
  it('loads every manifest\'s scene, in the same order', () => {
    expect(SCENE_LIST.map((s) => s.id)).toEqual(SCENE_MANIFESTS.map((m) => m.id));
    expect(SCENE_IDS).toEqual(SCENE_MANIFESTS.map((m) => m.id));
    expect(new Set(SCENE_IDS).size).toBe(SCENE_IDS.length);
  });

  it.each(SCENE_LIST.map((s, i) => [s.id, s, SCENE_MANIFESTS[i]!] as const))('%s: the scene is its manifest plus a model', (_id, scene, manifest) => {
    // Spread, not copied: the same objects and functions, so the two cannot drift.
    for (const key of ['id', 'title', 'params', 'defaults', 'parseParams', 'serializeParams', 'machineId'] as const) expect(scene[key], key).toBe(manifest[key]);
    expect(typeof scene.model).toBe('function');
    expect(typeof scene.view).toBe('function');
    expect('model' in manifest).toBe(false);
  });

  it('finds a manifest by id, and nothing for an unknown or inherited name', () => {
    expect(manifestById('parallel')?.title).toBe('Processes in Parallel');
    expect(manifestById('nope')).toBeUndefined();
    expect(manifestById('constructor')).toBeUndefined();
  });

  it('loads one scene by id, and nothing for an unknown or inherited name', async () => {
    expect((await loadScene('parallel'))?.id).toBe('parallel');
    expect(typeof (await loadScene('big-o'))?.model).toBe('function');
    expect(await loadScene('nope')).toBeUndefined();
    expect(await loadScene('constructor')).toBeUndefined();
  });
});
