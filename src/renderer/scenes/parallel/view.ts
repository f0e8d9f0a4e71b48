/**
 * The view the parallel scene's model emits (src/sim/parallel/scene.ts), as the renderer
 * reads it.
 */
export type { ParallelView, Segment } from '../../../sim/parallel/scene';
