/**
 * The full scenes (model and view), derived from the one registry, SCENE_MANIFESTS
 * (src/sim/manifests.ts): each manifest's `load` imports its scene on demand. The simulation
 * worker and the CLI's simulation worker load scenes through here; the renderer's main thread
 * imports only the manifests. Nothing to register here (docs/ARCHITECTURE.md).
 */
import type { TraceRecord } from './core/engine';
import type { SceneDefinition } from './core/scene';
import { SCENE_MANIFESTS } from './manifests';

export { SCENE_IDS, type SceneId } from './manifests';

type Listed = (typeof SCENE_MANIFESTS)[number];
/** The scene a manifest loads. */
type LoadedBy<M> = M extends { load(): Promise<infer S> } ? S : never;

/** The view type of each scene, by id: what `SceneUi<SceneViews[id]>` draws. */
export type SceneViews = { [M in Listed as M['id']]: ReturnType<LoadedBy<M>['view']> };

/**
 * Any scene, its own types erased. A registry of scenes with different parameter, state and
 * event types has no common type but this one; each entry is checked where it is defined
 * (`SceneDefinition<LadderParams, …>`), and code that needs a scene's own types imports it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyScene = SceneDefinition<any, any, any, TraceRecord, unknown>;

/** The scene with this URL id, its model loaded, or undefined for an unknown id. */
export async function loadScene(id: string): Promise<AnyScene | undefined> {
  const manifest = SCENE_MANIFESTS.find((m) => m.id === id);
  return manifest ? ((await manifest.load()) as AnyScene) : undefined;
}

/** Every scene, its model loaded, in sidebar order (tests and tools; the app loads one at a time). */
export function loadScenes(): Promise<AnyScene[]> {
  return Promise.all(SCENE_MANIFESTS.map((m) => m.load() as Promise<AnyScene>));
}
