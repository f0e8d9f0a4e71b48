/**
 * Every scene with its model, in sidebar order: the registry the simulation worker and the CLI
 * import. The renderer's main thread imports only the manifests (src/sim/manifests.ts, the same
 * scenes in the same order, checked by scenes.test.ts). Adding a scene is one import and one
 * entry here and in manifests.ts (docs/ARCHITECTURE.md).
 */
import type { TraceRecord } from './core/engine';
import type { SceneDefinition } from './core/scene';
import { ladderScene } from './ladder/scene';
import { cacheScene } from './cache/scene';
import { threadsScene } from './threads/scene';
import { parallelScene } from './parallel/scene';
import { stacksScene } from './stacks/scene';
import { simdScene } from './simd/scene';
import { eventLoopScene } from './eventloop/scene';
import { bigoScene } from './bigo/scene';
import { distributedScene } from './distributed/scene';

/** The scenes, in sidebar order. Each keeps its own types; see {@link SceneViews}. */
export const SCENE_LIST = [ladderScene, cacheScene, threadsScene, parallelScene, stacksScene, simdScene, eventLoopScene, bigoScene, distributedScene] as const;

type Listed = (typeof SCENE_LIST)[number];

export { SCENE_IDS, type SceneId } from './manifests';

/** The view type of each scene, by id: what `SceneUi<SceneViews[id]>` draws. */
export type SceneViews = { [S in Listed as S['id']]: ReturnType<S['view']> };

/**
 * Any scene, its own types erased. A registry of scenes with different parameter, state and
 * event types has no common type but this one; each entry is checked where it is defined
 * (`SceneDefinition<LadderParams, …>`), and code that needs a scene's own types imports it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyScene = SceneDefinition<any, any, any, TraceRecord, unknown>;

/** The scenes by URL id. */
export const SCENE_MODELS: Readonly<Record<string, AnyScene>> = Object.fromEntries(SCENE_LIST.map((s) => [s.id, s as AnyScene]));

/** The scene with this URL id, or undefined. */
export function sceneById(id: string): AnyScene | undefined {
  return Object.prototype.hasOwnProperty.call(SCENE_MODELS, id) ? SCENE_MODELS[id] : undefined;
}
