/**
 * The Latency Ladder scene as the app sees it: URL/CLI parameters, the model, and a plain
 * view of the state for the renderer.
 */
import type { SceneDefinition } from '../core/scene';
import {
  ladderModel,
  type LadderEvent,
  type LadderParams,
  type LadderRecord,
  type LadderState,
} from './model';
import type { RungId } from './rungs';
import { ladderManifest } from './manifest';
export { LADDER_MACHINE_IDS, MAX_JITTER, LADDER_PARAMS } from './manifest';

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

/** The Latency Ladder: one request climbing from an L1 hit to an intercontinental round trip. */
export const ladderScene: SceneDefinition<LadderParams, LadderState, LadderEvent, LadderRecord, LadderView, 'latency-ladder'> = {
  ...ladderManifest,
  model: ladderModel,
  view: (s) => ({
    route: [...s.route],
    current: s.current,
    enteredAt: s.enteredAt,
    visits: s.visits.map((v) => ({ rung: v.rung, start: v.start, end: v.end })),
    elapsed: s.elapsed,
  }),
};
