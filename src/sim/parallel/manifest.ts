/** The parallel scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { LoadableManifest } from '../core/scene';
import type { parallelScene } from './scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';
import { PRESET_IDS, type PresetId } from './jobs';
import { STYLES, type Style } from './runConfig';

/** Parameters of the scene (URL strings parsed by {@link parallelScene}). */
export interface ParallelParams {
  readonly preset: PresetId;
  readonly style: Style;
  /** Threads or processes (coroutines in flight for async), 1..16. */
  readonly workers: number;
  /** 1..16. */
  readonly cores: number;
  /** GIL switch interval, ms, 0.1..100. */
  readonly switch: number;
  /** Amdahl serial fraction for the curves, 0..1 (does not change the run). */
  readonly serial: number;
}
/** The scene's parameters, declared once (the Inspector, the URL and the CLI read these ranges). */
export const PARALLEL_PARAMS = {
  preset: { type: 'enum', default: 'cpu-bound', values: PRESET_IDS, label: 'Job', help: 'The job: its tasks, their CPU and I/O.' },
  style: { type: 'enum', default: 'gil', values: STYLES, label: 'Style', help: 'How the job is run: one thread, threads (with or without a GIL), processes or async.' },
  workers: { type: 'int', default: 4, min: 1, max: 16, label: 'Workers', help: 'Threads or processes (coroutines in flight for async).' },
  cores: { type: 'int', default: 4, min: 1, max: 16, label: 'Cores' },
  switch: { type: 'number', default: 5, min: 0.1, max: 100, step: 0.1, unit: 'ms', label: 'GIL switch interval', help: "CPython's sys.setswitchinterval: how long a thread may hold the GIL while others wait." },
  serial: { type: 'number', default: 0.1, min: 0, max: 1, step: 0.01, label: 'Serial fraction', help: "Amdahl's serial fraction for the curves (does not change the run)." },
} satisfies ParamSchema<ParallelParams>;

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const parallelManifest: LoadableManifest<ParallelParams, 'parallel', typeof parallelScene> = {
  id: 'parallel',
  title: 'Processes in Parallel',
  params: PARALLEL_PARAMS,
  defaults: defaultsOf<ParallelParams>(PARALLEL_PARAMS),
  parseParams: (raw) => parseWithSchema<ParallelParams>(PARALLEL_PARAMS, raw),
  serializeParams: (p) => serializeWithSchema<ParallelParams>(PARALLEL_PARAMS, p),
  load: () => import('./scene').then((m) => m.parallelScene),
};
