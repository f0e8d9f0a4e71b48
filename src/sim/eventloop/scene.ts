/**
 * "The Event Loop" as the app sees it: the program (a preset or the user's code), the runtime,
 * and the model run replayed one loop step per engine event, so the timeline can step through
 * the run and back. The interpreter runs once, up front, in init; every step carries its own
 * picture of the queues (see trace.ts).
 */
import type { Model } from '../core/engine';
import type { SceneDefinition } from '../core/scene';

import { nanos } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { runEventLoop, type EventLoopRun, type ProgramError } from './run';
import type { ConsoleLine, ExitInfo, LoopStep, RuntimeId } from './trace';
import { c10kInputs, c10kInstants, serveC10k, type C10kCosts, type C10kParams, type C10kResult } from './c10k';
import { type EventLoopParams, eventLoopManifest } from './manifest';
export { DEFAULT_REQUESTS, MAX_CODE_CHARS, EVENT_LOOP_PARAMS } from './manifest';
export type { EventLoopParams, C10kWait } from './manifest';

/** The C10k view's run: the three strategies' closed forms and the instants the timeline steps through. */
export interface C10kRun {
  readonly params: C10kParams;
  readonly costs: C10kCosts;
  readonly results: readonly C10kResult[];
  /** Ascending ns; event i shows instant i. */
  readonly instants: readonly number[];
}

/** The C10k picture at a step: the run and the instant shown (ns). */
export interface C10kFrame extends C10kRun {
  readonly tNs: number;
}

/**
 * The model state: the whole run (shared by clones) and the step being shown (-1 = before the
 * script). In the C10k view the timeline steps through `c10k` instead (the program is not run).
 */
export interface EventLoopState {
  readonly run: EventLoopRun;
  readonly code: string;
  index: number;
  readonly c10k: C10kRun | null;
}

/** What the renderer draws. */
export interface EventLoopView {
  readonly runtime: RuntimeId;
  readonly code: string;
  /** The step shown, or null before the first one. */
  readonly step: LoopStep | null;
  readonly index: number;
  readonly totalSteps: number;
  /** The console as printed up to this step. */
  readonly console: readonly ConsoleLine[];
  /** The whole run's console (for the comparison with the real run). */
  readonly finalConsole: readonly ConsoleLine[];
  readonly error: ProgramError | null;
  readonly exit: ExitInfo | null;
  readonly notes: readonly string[];
  readonly truncated: boolean;
  /** Virtual time at the end of the run, ns. */
  readonly endNs: number;
  /** When each step happened, ns (for the time axis). */
  readonly stepTimes: readonly number[];
  readonly fsOpNs: number;
  /** The C10k view's picture (null in the program view): the timeline then animates the requests. */
  readonly c10k: C10kFrame | null;
}

/** An engine event: show step i. */
export interface ShowStep {
  readonly i: number;
}


/** The model: runs the program in init, then one event per recorded step. */
export function eventLoopModel(params: EventLoopParams, machine: MachineModel | null): Model<EventLoopState, ShowStep, LoopStep> {
  return {
    init(ctx) {
      if (params.view === 'c10k') {
        // The C10k view animates its requests: one event per instant where a drawn lane starts or ends.
        const { params: p, costs } = c10kInputs(machine, params.requests, params.wait);
        const results = serveC10k(p, costs);
        const instants = c10kInstants(results);
        instants.forEach((t, i) => ctx.schedule(nanos(t), { i }));
        return { run: emptyRun(params.runtime), code: params.code, index: -1, c10k: { params: p, costs, results, instants } };
      }
      const run = runEventLoop(params.code, { runtime: params.runtime, machine, filename: '/sandbox/program.js' });
      run.steps.forEach((s, i) => ctx.schedule(nanos(s.t), { i }));
      return { run, code: params.code, index: -1, c10k: null };
    },
    handle(state, ev, ctx) {
      state.index = ev.i;
      // C10k instants carry no loop step: the view reads the instant from the index.
      if (state.c10k) return;
      const step = state.run.steps[ev.i];
      if (step !== undefined) ctx.emit(step);
    },
    clone: (s) => ({ ...s }),
  };
}

/** No program run (the C10k view). */
function emptyRun(runtime: RuntimeId): EventLoopRun {
  return { runtime, console: [], steps: [], exit: null, error: null, notes: [], truncated: false, endNs: 0, fsOpNs: 0 };
}

/** The view of a state. */
export function eventLoopView(s: EventLoopState): EventLoopView {
  const step = s.index >= 0 ? (s.run.steps[s.index] ?? null) : null;
  const shown = step === null ? 0 : step.consoleLines;
  return {
    runtime: s.run.runtime,
    code: s.code,
    step,
    index: s.index,
    totalSteps: s.run.steps.length,
    console: s.run.console.slice(0, shown),
    finalConsole: s.run.console,
    error: s.run.error,
    exit: s.run.exit,
    notes: s.run.notes,
    truncated: s.run.truncated,
    endNs: s.run.endNs,
    stepTimes: s.run.steps.map((x) => x.t),
    fsOpNs: s.run.fsOpNs,
    c10k: s.c10k ? { ...s.c10k, tNs: s.index >= 0 ? (s.c10k.instants[s.index] ?? 0) : 0 } : null,
  };
}

/** The event-loop scene. */
export const eventLoopScene: SceneDefinition<EventLoopParams, EventLoopState, ShowStep, LoopStep, EventLoopView, 'event-loop'> = {
  ...eventLoopManifest,
  model: (params, machine) => eventLoopModel(params, machine),
  view: eventLoopView,
};
