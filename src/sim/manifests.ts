/**
 * The scene registry: every scene's manifest (id, title, parameter schema, URL parsing, and
 * `load`, a dynamic import of its model), in sidebar order. Adding a scene is one import and one
 * entry here (docs/ARCHITECTURE.md). The renderer's main thread imports this to build the
 * sidebar and parse URLs, and never calls `load`, so the first chunk carries no model; the
 * simulation worker and the CLI load full scenes through src/sim/scenes.ts, which derives
 * everything else (SceneViews, loadScene) from this list.
 */
import type { SceneManifest } from './core/scene';
import { ladderManifest } from './ladder/manifest';
import { cacheManifest } from './cache/manifest';
import { threadsManifest } from './threads/manifest';
import { parallelManifest } from './parallel/manifest';
import { stacksManifest } from './stacks/manifest';
import { simdManifest } from './simd/manifest';
import { eventLoopManifest } from './eventloop/manifest';
import { bigoManifest } from './bigo/manifest';
import { distributedManifest } from './distributed/manifest';

/** The manifests, in sidebar order. */
export const SCENE_MANIFESTS = [ladderManifest, cacheManifest, threadsManifest, parallelManifest, stacksManifest, simdManifest, eventLoopManifest, bigoManifest, distributedManifest] as const;

/** A scene's URL id, e.g. 'memory-hierarchy'. */
export type SceneId = (typeof SCENE_MANIFESTS)[number]['id'];

/** Any scene's manifest, its parameter type erased (each is checked where it is declared). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyManifest = SceneManifest<any>;

/** The URL ids, in sidebar order. */
export const SCENE_IDS: readonly SceneId[] = SCENE_MANIFESTS.map((m) => m.id);

/** The manifest with this URL id, or undefined. */
export function manifestById(id: string): AnyManifest | undefined {
  return SCENE_MANIFESTS.find((m) => m.id === id);
}
