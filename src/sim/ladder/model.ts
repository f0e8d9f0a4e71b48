/**
 * The Latency Ladder's model: one request climbs a route of rungs, spending each rung's
 * latency there (stretched or shrunk by optional jitter), and the trace says when it enters
 * and leaves each rung.
 */
import type { Model, TraceRecord } from '../core/engine';
import type { Nanos } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { ladderRungs, type RungId } from './rungs';

/** Which rungs one request visits. */
export type LadderRoute = 'all' | 'memory' | 'storage' | 'network';

/** Every route, in menu order. */
export const LADDER_ROUTES: readonly LadderRoute[] = ['all', 'memory', 'storage', 'network'];

/** Parameters of the ladder scene. */
export interface LadderParams {
  /** Machine id: a preset id or 'this-machine'. */
  readonly preset: string;
  readonly route: LadderRoute;
  /** Relative jitter, 0..0.5: each visit lasts latency × (1 + jitter × u), u uniform in [-1, 1). */
  readonly jitter: number;
}

/** The fixed routes, in visiting order; absent rungs are skipped. 'all' is every present rung. */
const ROUTES: Readonly<Record<Exclude<LadderRoute, 'all'>, readonly RungId[]>> = {
  memory: ['cpu-cycle', 'l1', 'l2', 'l3', 'ram'],
  storage: ['l1', 'l2', 'l3', 'ram', 'ssd-random-4k', 'disk-seek'],
  network: ['l1', 'ram', 'send-1kb', 'datacenter-rtt', 'intercontinental-rtt'],
};

/** One visit to a rung; times in virtual ns. */
export interface LadderVisit {
  readonly rung: RungId;
  readonly start: number;
  /** Null while the request is still on the rung. */
  end: number | null;
}

/** The request's position on the ladder. */
export interface LadderState {
  readonly route: readonly RungId[];
  /** Nominal latency of each route rung, ns (same order as route). */
  readonly latencies: readonly number[];
  readonly jitter: number;
  /** Index in route; -1 before start, route.length when finished. */
  current: number;
  /** When the request entered the current rung, ns. */
  enteredAt: number;
  /** How long the current visit lasts (after jitter), ns. */
  currentNs: number;
  /** Time of the last event handled, ns. */
  elapsed: number;
  visits: LadderVisit[];
}

/** Event: leave the rung before `index` (if any) and enter rung `index` (if any). */
export interface LadderEvent {
  readonly index: number;
}

/** The request entered a rung at `t`. */
export interface RungEnterRecord extends TraceRecord {
  readonly kind: 'rung.enter';
  readonly rung: RungId;
  readonly index: number;
}

/** The request left a rung at `t` after `ns` ns on it. */
export interface RungLeaveRecord extends TraceRecord {
  readonly kind: 'rung.leave';
  readonly rung: RungId;
  readonly index: number;
  /** Time spent on the rung, ns. */
  readonly ns: number;
}

/** A ladder trace record. */
export type LadderRecord = RungEnterRecord | RungLeaveRecord;

/** The rungs (and their nominal latencies, ns) a route visits on a machine, in order. */
export function ladderRoute(machine: MachineModel, route: LadderRoute): { rungs: RungId[]; latencies: number[] } {
  const present = ladderRungs(machine).filter((r) => r.ns !== null);
  const chosen = route === 'all' ? present : ROUTES[route].flatMap((id) => present.filter((r) => r.id === id));
  return { rungs: chosen.map((r) => r.id), latencies: chosen.map((r) => r.ns as number) };
}

/** The ladder model for a machine and parameters. */
export function ladderModel(params: LadderParams, machine: MachineModel): Model<LadderState, LadderEvent, LadderRecord> {
  const { rungs, latencies } = ladderRoute(machine, params.route);
  return {
    init(ctx) {
      if (rungs.length > 0) ctx.schedule(0 as Nanos, { index: 0 });
      return {
        route: rungs,
        latencies,
        jitter: params.jitter,
        current: -1,
        enteredAt: 0,
        currentNs: 0,
        elapsed: 0,
        visits: [],
      };
    },
    handle(state, event, ctx) {
      const now = ctx.now;
      state.elapsed = now;
      const previous = event.index - 1;
      const left = state.route[previous];
      if (left !== undefined) {
        ctx.emit({ t: now, kind: 'rung.leave', rung: left, index: previous, ns: state.currentNs });
        const visit = state.visits[previous];
        if (visit !== undefined) visit.end = now;
      }
      const rung = state.route[event.index];
      if (rung === undefined) {
        state.current = state.route.length;
        return;
      }
      const u = 2 * ctx.rng.next() - 1;
      const ns = (state.latencies[event.index] as number) * (1 + state.jitter * u);
      state.current = event.index;
      state.enteredAt = now;
      state.currentNs = ns;
      state.visits.push({ rung, start: now, end: null });
      ctx.emit({ t: now, kind: 'rung.enter', rung, index: event.index });
      ctx.schedule(ns as Nanos, { index: event.index + 1 });
    },
    clone: (s) => ({ ...s, visits: s.visits.map((v) => ({ ...v })) }),
  };
}
