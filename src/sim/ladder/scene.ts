/**
 * The Latency Ladder scene as the app sees it: URL/CLI parameters, the model, and a plain
 * view of the state for the renderer.
 */
import type { ParamIssue, SceneDefinition } from '../core/scene';
import { PRESET_IDS } from '../hardware/presets';
import {
  LADDER_ROUTES,
  ladderModel,
  type LadderEvent,
  type LadderParams,
  type LadderRecord,
  type LadderRoute,
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

const DEFAULTS: LadderParams = { preset: '2012', route: 'all', jitter: 0 };

function parseParams(raw: Readonly<Record<string, string>>): { params: LadderParams; ignored: ParamIssue[] } {
  let { preset, route, jitter } = DEFAULTS;
  const ignored: ParamIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'preset') {
      if (LADDER_MACHINE_IDS.includes(value)) preset = value;
      else ignored.push({ key, reason: `preset must be one of ${LADDER_MACHINE_IDS.join(', ')}` });
    } else if (key === 'route') {
      if ((LADDER_ROUTES as readonly string[]).includes(value)) route = value as LadderRoute;
      else ignored.push({ key, reason: `route must be one of ${LADDER_ROUTES.join(', ')}` });
    } else if (key === 'jitter') {
      const n = value.trim() === '' ? NaN : Number(value);
      if (Number.isFinite(n) && n >= 0 && n <= MAX_JITTER) jitter = n;
      else ignored.push({ key, reason: `jitter must be a number from 0 to ${MAX_JITTER}` });
    } else {
      ignored.push({ key, reason: 'unknown parameter' });
    }
  }
  return { params: { preset, route, jitter }, ignored };
}

/** The Latency Ladder: one request climbing from an L1 hit to an intercontinental round trip. */
export const ladderScene: SceneDefinition<LadderParams, LadderState, LadderEvent, LadderRecord, LadderView> = {
  id: 'latency-ladder',
  title: 'Latency Ladder',
  defaults: DEFAULTS,
  parseParams,
  serializeParams: (p) => ({ preset: p.preset, route: p.route, jitter: String(p.jitter) }),
  model: ladderModel,
  view: (s) => ({
    route: [...s.route],
    current: s.current,
    enteredAt: s.enteredAt,
    visits: s.visits.map((v) => ({ rung: v.rung, start: v.start, end: v.end })),
    elapsed: s.elapsed,
  }),
};
