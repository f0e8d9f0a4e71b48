/** The ladder scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { LoadableManifest } from '../core/scene';
import type { ladderScene } from './scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';
import { PRESET_IDS } from '../hardware/presets';
import { LADDER_ROUTES, type LadderParams } from './model';

/** Machine ids the scene accepts: the presets and the measured machine. */
export const LADDER_MACHINE_IDS: readonly string[] = [...PRESET_IDS, 'this-machine'];
/** Largest accepted jitter (±50 %). */
export const MAX_JITTER = 0.5;

/** The scene's parameters, declared once. */
export const LADDER_PARAMS = {
  preset: { type: 'enum', default: '2012', values: LADDER_MACHINE_IDS, label: 'Machine', help: 'The machine whose latencies the ladder shows: a preset, or this machine measured.' },
  route: { type: 'enum', default: 'all', values: LADDER_ROUTES, label: 'Route', help: 'Which rungs the request visits.' },
  jitter: { type: 'number', default: 0, min: 0, max: MAX_JITTER, step: 0.05, label: 'Jitter', help: 'Each visit lasts latency × (1 + jitter × u), u uniform in [-1, 1).' },
} satisfies ParamSchema<LadderParams>;

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const ladderManifest: LoadableManifest<LadderParams, 'latency-ladder', typeof ladderScene> = {
  id: 'latency-ladder',
  title: 'Latency Ladder',
  params: LADDER_PARAMS,
  defaults: defaultsOf<LadderParams>(LADDER_PARAMS),
  machineId: (p) => p.preset,
  parseParams: (raw) => parseWithSchema<LadderParams>(LADDER_PARAMS, raw),
  serializeParams: (p) => serializeWithSchema<LadderParams>(LADDER_PARAMS, p),
  load: () => import('./scene').then((m) => m.ladderScene),
};
