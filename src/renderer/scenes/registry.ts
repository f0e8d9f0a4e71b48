/**
 * Every scene's UI, in sidebar order. Nothing to register here: each scene's folder
 * (`scenes/<topic>/index.ts`) exports its `sceneUi(…)`, found by this glob, and the order and
 * the set of scenes come from the scene manifests, src/sim/manifests.ts (docs/ARCHITECTURE.md).
 */
import { SCENE_IDS } from '../../sim/manifests';
import type { SceneUi } from './types';

const modules = import.meta.glob<Readonly<Record<string, unknown>>>('./*/index.ts', { eager: true });

/** A SceneUi export (the shape `sceneUi()` returns). */
function isSceneUi(value: unknown): value is SceneUi {
  return typeof value === 'object' && value !== null && 'id' in value && 'Stage' in value && 'Inspector' in value && 'resolveMachine' in value && 'model' in value;
}

const found = Object.values(modules).flatMap((m) => Object.values(m).filter(isSceneUi));

/** The scenes of src/sim/manifests.ts that have a UI, in its order (registry.test.ts checks that every one has). */
export const SCENES: readonly SceneUi[] = SCENE_IDS.flatMap((id) => found.filter((ui) => ui.id === id));
