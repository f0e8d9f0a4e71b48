/** The cache scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { LoadableManifest } from '../core/scene';
import type { cacheScene } from './scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';
import { PRESET_IDS } from '../hardware/presets';
import { PATTERNS, type PatternId } from './patterns';

/** Scene parameters (URL strings parsed by parseParams). */
export interface CacheSceneParams {
  /** Machine id: 'teaching' (default), '2012', '2020', or 'this-machine' (measured; the app supplies it). */
  readonly preset: string;
  /** Pattern of each side (ids of {@link PATTERN_OPTIONS}). */
  readonly left: PatternId;
  readonly right: PatternId;
  /** Matrix rows and columns (elements of 8 bytes); also sizes the other patterns (see {@link patternParams}). */
  readonly rows: number;
  readonly cols: number;
  /** Stride of the 'stride' pattern, bytes. */
  readonly stride: number;
  /** Working set of the 'random' pattern, bytes. */
  readonly working: number;
  /** Most accesses per side (1..{@link MAX_SCENE_ACCESSES}). */
  readonly count: number;
}

/** Cap on `count`: accesses per side. */
export const MAX_SCENE_ACCESSES = 4096;
/** Pattern choices for the UI's selects: id, label and the scene parameters each one uses. */
export const PATTERN_OPTIONS: readonly { id: PatternId; label: string; params: readonly (keyof CacheSceneParams)[] }[] = PATTERNS.map((p) => ({
  id: p.id,
  label: p.label,
  params:
    p.id === 'random'
      ? ['working', 'count']
      : p.id === 'stride'
        ? ['rows', 'cols', 'stride', 'count']
        : p.id.startsWith('matmul')
          ? ['rows', 'count']
          : ['rows', 'cols', 'count'],
}));

const PATTERN_IDS: readonly PatternId[] = PATTERNS.map((p) => p.id as PatternId);
/** Machine ids the scene accepts: the presets and the measured machine. */
export const CACHE_MACHINE_IDS: readonly string[] = [...PRESET_IDS, 'this-machine'];

/** The scene's parameters, declared once. */
export const CACHE_PARAMS = {
  preset: { type: 'enum', default: 'teaching', values: CACHE_MACHINE_IDS, label: 'Machine', help: 'The cache hierarchy: a preset, or this machine measured.' },
  left: { type: 'enum', default: 'row-major', values: PATTERN_IDS, label: 'Left pattern' },
  right: { type: 'enum', default: 'column-major', values: PATTERN_IDS, label: 'Right pattern' },
  rows: { type: 'int', default: 32, min: 1, max: 256, label: 'Rows (matrix; n for multiply)' },
  cols: { type: 'int', default: 32, min: 1, max: 256, label: 'Columns' },
  stride: { type: 'int', default: 64, min: 1, max: 1 << 20, unit: 'bytes', label: 'Stride' },
  working: { type: 'int', default: 4096, min: 8, max: 1 << 26, unit: 'bytes', label: 'Working set (random)' },
  count: { type: 'int', default: MAX_SCENE_ACCESSES, min: 1, max: MAX_SCENE_ACCESSES, label: 'Accesses per side' },
} satisfies ParamSchema<CacheSceneParams>;

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const cacheManifest: LoadableManifest<CacheSceneParams, 'memory-hierarchy', typeof cacheScene> = {
  id: 'memory-hierarchy',
  title: 'Memory Hierarchy',
  params: CACHE_PARAMS,
  defaults: defaultsOf<CacheSceneParams>(CACHE_PARAMS),
  machineId: (p) => p.preset,
  parseParams: (raw) => parseWithSchema<CacheSceneParams>(CACHE_PARAMS, raw),
  serializeParams: (p) => serializeWithSchema<CacheSceneParams>(CACHE_PARAMS, p),
  load: () => import('./scene').then((m) => m.cacheScene),
};
