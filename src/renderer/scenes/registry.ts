/** Every scene, in sidebar order. */
import type { SceneUi } from './types';
import { latencyLadder } from './ladder';
import { memoryHierarchy } from './cache';
import { threadsUi } from './threads';
import { parallelUi } from './parallel';
import { stacksUi } from './stacks';
import { simdUi } from './simd';
import { eventLoopUi } from './eventloop';
import { bigoUi } from './bigo';
import { distributedUi } from './distributed';

export const SCENES: readonly SceneUi[] = [latencyLadder, memoryHierarchy, threadsUi, parallelUi, stacksUi, simdUi, eventLoopUi, bigoUi, distributedUi];
