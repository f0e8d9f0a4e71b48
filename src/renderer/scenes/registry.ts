/** Every scene, in sidebar order. */
import type { SceneUi } from './types';
import { latencyLadder } from './ladder';

export const SCENES: readonly SceneUi[] = [latencyLadder];
