/**
 * "The Event Loop" as the app sees it: the program (a preset or the user's code), the runtime,
 * and the model run replayed one loop step per engine event, so the timeline can step through
 * the run and back. The interpreter runs once, up front, in init; every step carries its own
 * picture of the queues (see trace.ts).
 */
import type { Model } from '../core/engine';
import type { ParamIssue, SceneDefinition } from '../core/scene';
import { nanos } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { SCENE_PRESETS } from './presets';
import { runEventLoop, type EventLoopRun, type ProgramError } from './run';
import type { ConsoleLine, ExitInfo, LoopStep, RuntimeId } from './trace';

/** Parameters of the event-loop scene. */
export interface EventLoopParams {
  readonly runtime: RuntimeId;
  /** The preset the code came from (or was last loaded from). */
  readonly preset: string;
  /** The program. */
  readonly code: string;
  /** Which view: the program's event loop, or C10k. */
  readonly view: 'program' | 'c10k';
  /** C10k: requests, 1..10,000. */
  readonly requests: number;
  /** C10k: what each request waits for. */
  readonly wait: C10kWait;
}

/** C10k waits: a round trip inside a datacenter or across an ocean (the hardware model's figures). */
export type C10kWait = 'datacenter' | 'internet';

/** The model state: the whole run (shared by clones) and the step being shown (-1 = before the script). */
export interface EventLoopState {
  readonly run: EventLoopRun;
  readonly code: string;
  index: number;
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
}

/** An engine event: show step i. */
export interface ShowStep {
  readonly i: number;
}

const DEFAULT_PRESET = SCENE_PRESETS[0]?.id ?? 'microtask-vs-timer';
/** C10k's default number of requests. */
export const DEFAULT_REQUESTS = 1000;
/** Longest program the scene accepts, characters (the URL carries it). */
export const MAX_CODE_CHARS = 20_000;

function presetSource(id: string): string {
  return SCENE_PRESETS.find((p) => p.id === id)?.source ?? '';
}

function parseParams(raw: Readonly<Record<string, string>>): { params: EventLoopParams; ignored: ParamIssue[] } {
  let runtime: RuntimeId = 'node';
  let preset = DEFAULT_PRESET;
  let code: string | null = null;
  let view: EventLoopParams['view'] = 'program';
  let requests = DEFAULT_REQUESTS;
  let wait: C10kWait = 'internet';
  const ignored: ParamIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'runtime') {
      if (value === 'node' || value === 'browser') runtime = value;
      else ignored.push({ key, reason: 'runtime must be node or browser' });
    } else if (key === 'preset') {
      if (SCENE_PRESETS.some((p) => p.id === value)) preset = value;
      else ignored.push({ key, reason: `preset must be one of ${SCENE_PRESETS.map((p) => p.id).join(', ')}` });
    } else if (key === 'code') {
      if (value.length <= MAX_CODE_CHARS) code = value;
      else ignored.push({ key, reason: `code must be at most ${MAX_CODE_CHARS} characters` });
    } else if (key === 'view') {
      if (value === 'program' || value === 'c10k') view = value;
      else ignored.push({ key, reason: 'view must be program or c10k' });
    } else if (key === 'requests') {
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (n >= 1 && n <= 10_000) requests = n;
      else ignored.push({ key, reason: 'requests must be an integer from 1 to 10000' });
    } else if (key === 'wait') {
      if (value === 'datacenter' || value === 'internet') wait = value;
      else ignored.push({ key, reason: 'wait must be datacenter or internet' });
    } else {
      ignored.push({ key, reason: 'unknown parameter' });
    }
  }
  return { params: { runtime, preset, code: code ?? presetSource(preset), view, requests, wait }, ignored };
}

function serializeParams(p: EventLoopParams): Record<string, string> {
  const out: Record<string, string> = { runtime: p.runtime, preset: p.preset };
  if (p.code !== presetSource(p.preset)) out.code = p.code;
  if (p.view !== 'program') out.view = p.view;
  if (p.requests !== DEFAULT_REQUESTS) out.requests = String(p.requests);
  if (p.wait !== 'internet') out.wait = p.wait;
  return out;
}

/** The model: runs the program in init, then one event per recorded step. */
export function eventLoopModel(params: EventLoopParams, machine: MachineModel | null): Model<EventLoopState, ShowStep, LoopStep> {
  return {
    init(ctx) {
      const run = runEventLoop(params.code, { runtime: params.runtime, machine, filename: '/sandbox/program.js' });
      run.steps.forEach((s, i) => ctx.schedule(nanos(s.t), { i }));
      return { run, code: params.code, index: -1 };
    },
    handle(state, ev, ctx) {
      state.index = ev.i;
      const step = state.run.steps[ev.i];
      if (step !== undefined) ctx.emit(step);
    },
    clone: (s) => ({ ...s }),
  };
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
  };
}

/** The event-loop scene. */
export const eventLoopScene: SceneDefinition<EventLoopParams, EventLoopState, ShowStep, LoopStep, EventLoopView> = {
  id: 'event-loop',
  title: 'The Event Loop',
  defaults: { runtime: 'node', preset: DEFAULT_PRESET, code: presetSource(DEFAULT_PRESET), view: 'program', requests: DEFAULT_REQUESTS, wait: 'internet' },
  parseParams,
  serializeParams,
  model: (params, machine) => eventLoopModel(params, machine),
  view: eventLoopView,
};
