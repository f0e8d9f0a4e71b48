/**
 * The Latency Ladder scene as the app sees it: URL/CLI parameters, the model, and a plain
 * view of the state for the renderer.
 */
import type { SceneDefinition } from '../core/scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';
import { PRESET_IDS } from '../hardware/presets';
import {
  LADDER_ROUTES,
  ladderModel,
  type LadderEvent,
  type LadderParams,
  type LadderRecord,
  type LadderState,
} from './model';
import type { RungId } from './rungs';

/** What the renderer draws: the route, where the request is, and every visit so far (ns). */
export interface LadderView {
  readonly route: RungId[];
  /** Index in route; -1 before start, route.length when finished. */
  readonly current: number;
  /** When the request entered the current rung, ns. */
  readonly enteredAt: number;
  readonly visits: { rung: RungId; start: number; end: number | null }[];
  /** Virtual time of the last event, ns. */
  readonly elapsed: number;
}

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

/** The Latency Ladder: one request climbing from an L1 hit to an intercontinental round trip. */
export const ladderScene: SceneDefinition<LadderParams, LadderState, LadderEvent, LadderRecord, LadderView, 'latency-ladder'> = {
  id: 'latency-ladder',
  title: 'Latency Ladder',
  params: LADDER_PARAMS,
  defaults: defaultsOf<LadderParams>(LADDER_PARAMS),
  machineId: (p) => p.preset,
  parseParams: (raw) => parseWithSchema<LadderParams>(LADDER_PARAMS, raw),
  serializeParams: (p) => serializeWithSchema<LadderParams>(LADDER_PARAMS, p),
  model: ladderModel,
  view: (s) => ({
    route: [...s.route],
    current: s.current,
    enteredAt: s.enteredAt,
    visits: s.visits.map((v) => ({ rung: v.rung, start: v.start, end: v.end })),
    elapsed: s.elapsed,
  }),
};
