/** The simulation models the worker can run, by scene id. */
import type { SceneDefinition } from '../../sim/core/scene';
import type { TraceRecord } from '../../sim/core/engine';
import { ladderScene } from '../../sim/ladder/scene';
import { cacheScene } from '../../sim/cache/scene';
import { threadsScene } from '../../sim/threads/scene';
import { parallelScene } from '../../sim/parallel/scene';
import { stacksScene } from '../../sim/stacks/scene';
import { simdScene } from '../../sim/simd/scene';
import { eventLoopScene } from '../../sim/eventloop/scene';
import { bigoScene } from '../../sim/bigo/scene';
import { distributedScene } from '../../sim/distributed/scene';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous registry; each entry is checked where it is defined
export type AnyScene = SceneDefinition<any, any, any, TraceRecord, unknown>;

export const SCENE_MODELS: Readonly<Record<string, AnyScene>> = {
  [ladderScene.id]: ladderScene as AnyScene,
  [cacheScene.id]: cacheScene as AnyScene,
  [threadsScene.id]: threadsScene as AnyScene,
  [parallelScene.id]: parallelScene as AnyScene,
  [stacksScene.id]: stacksScene as AnyScene,
  [simdScene.id]: simdScene as AnyScene,
  [eventLoopScene.id]: eventLoopScene as AnyScene,
  [bigoScene.id]: bigoScene as AnyScene,
  [distributedScene.id]: distributedScene as AnyScene,
};
