/**
 * Every scene's manifest (id, title, parameter schema, URL parsing — no model), in sidebar order:
 * what the renderer's main thread imports to build the sidebar and parse URLs, so the first
 * chunk carries no model. The simulation worker and the CLI import the full scenes from
 * src/sim/scenes.ts, whose SCENE_LIST lists the same scenes in the same order (scenes.test.ts).
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
