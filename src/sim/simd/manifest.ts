/** The simd scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { LoadableManifest } from '../core/scene';
import type { simdScene } from './scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';
import { KERNELS, STYLES, WIDTHS, type Kernel, type Style, type Width } from './simd';

/** Parameters of the vectorization scene. */
export interface SimdParams {
  readonly kernel: Kernel;
  readonly style: Style;
  readonly width: Width;
  /** Elements, 1..10⁹. */
  readonly n: number;
}
/** Largest N the scene accepts. */
export const MAX_N = 1_000_000_000;
/** The scene's parameters, declared once. */
export const SIMD_PARAMS = {
  kernel: { type: 'enum', default: 'add', values: KERNELS, label: 'Kernel', help: 'The loop body.' },
  style: { type: 'enum', default: 'simd', values: STYLES, label: 'Style', help: 'Interpreted, scalar, SIMD or GPU.' },
  width: { type: 'enum', default: 8, values: WIDTHS, label: 'Vector width', unit: 'lanes', help: 'float32 lanes per SIMD register (4 SSE, 8 AVX, 16 AVX-512).' },
  n: { type: 'int', default: 100, min: 1, max: MAX_N, label: 'Elements (N)' },
} satisfies ParamSchema<SimdParams>;

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const simdManifest: LoadableManifest<SimdParams, 'simd', typeof simdScene> = {
  id: 'simd',
  title: 'Vectorization',
  params: SIMD_PARAMS,
  defaults: defaultsOf<SimdParams>(SIMD_PARAMS),
  parseParams: (raw) => parseWithSchema<SimdParams>(SIMD_PARAMS, raw),
  serializeParams: (p) => serializeWithSchema<SimdParams>(SIMD_PARAMS, p),
  load: () => import('./scene').then((m) => m.simdScene),
};
