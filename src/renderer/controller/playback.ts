/**
 * Playback: the one clock adapter. A requestAnimationFrame ticker turns wall time × speed
 * into a playhead position; the worker is asked for the frame of the step under the
 * playhead. With motion off, play moves one whole step at a time (no in-between frames).
 */
import { saveSetting, store } from '../state/store';
import { advance, clampSpeed, stepAtTime } from '../engine/playhead';
import type { EngineClient } from '../engine/engineClient';
import type { Frame } from '../engine/protocol';

let engine: EngineClient | null = null;
let rafHandle = 0;
let lastWall = 0;
let frameRequest = 0;
let motionTimer: ReturnType<typeof setInterval> | null = null;

/** Steps a "big step" moves. */
export const BIG_STEP = 10;
/** Longest wall milliseconds between steps when motion is off. */
export const INSTANT_STEP_MS = 400;

/** Wall milliseconds between steps when motion is off: the fitted run length spread over the events. */
function instantStepMs(): number {
  const { pace, scale, speed, times } = store.getState();
  const seconds = pace[scale].seconds / 2 ** clampSpeed(speed[scale]);
  return Math.max(40, Math.min(INSTANT_STEP_MS, (seconds * 1000) / Math.max(1, times.length - 1)));
}

export function attachEngine(client: EngineClient): void {
  engine = client;
}

/** Fetches the frame for the step under the playhead (latest request wins). */
export async function syncFrame(): Promise<void> {
  if (!engine) return;
  const { step, frame } = store.getState();
  if (frame && frame.step === step) return;
  const ticket = ++frameRequest;
  try {
    const next = await engine.frame(step);
    if (ticket === frameRequest && store.getState().step === next.step) store.setState({ frame: next });
  } catch (error) {
    store.setState({ loadError: error instanceof Error ? error.message : String(error) });
  }
}

/** The frame of any step, without moving the playhead (exports read a run's counters with it). */
export function frameAt(step: number): Promise<Frame> {
  if (!engine) return Promise.reject(new Error('The simulation is not running.'));
  return engine.frame(step);
}

function moveTo(step: number, t: number): void {
  const changed = step !== store.getState().step;
  store.setState({ t, step });
  if (changed || !store.getState().frame) void syncFrame();
}

/** Moves the playhead to `t` (clamped to the run); the step is the last event at or before it (none at t = 0). */
export function seek(t: number): void {
  const { times, span } = store.getState();
  const clamped = Math.max(0, Math.min(span.tEnd, t));
  moveTo(clamped <= 0 ? 0 : stepAtTime(times, clamped), clamped);
}

/**
 * Moves to event `step` exactly (several events can share a time). `t`, when it lies
 * within the step, keeps a position inside it; otherwise the playhead goes to the step's time.
 */
export function seekStep(step: number, t?: number): void {
  const { times } = store.getState();
  const target = Math.max(0, Math.min(times.length - 1, Math.round(step)));
  const start = times[target] ?? 0;
  const next = times[target + 1] ?? Infinity;
  moveTo(target, t !== undefined && t >= start && t < next ? t : start);
}

function tick(now: number): void {
  const state = store.getState();
  if (!state.playing) return;
  const dt = Math.min(0.25, (now - lastWall) / 1000);
  lastWall = now;
  const t = advance(state.t, dt, state.scale, state.speed[state.scale], state.span, state.times, state.pace[state.scale]);
  seek(t);
  if (t >= state.span.tEnd) {
    pause();
    return;
  }
  rafHandle = requestAnimationFrame(tick);
}

export function play(): void {
  const state = store.getState();
  if (state.playing || state.loading) return;
  if (state.step >= state.times.length - 1) seekStep(0);
  store.setState({ playing: true });
  if (state.motion) {
    lastWall = performance.now();
    rafHandle = requestAnimationFrame(tick);
  } else {
    motionTimer = setInterval(() => {
      const s = store.getState();
      if (s.step >= s.times.length - 1) pause();
      else stepBy(1, true);
    }, instantStepMs());
  }
}

export function pause(): void {
  cancelAnimationFrame(rafHandle);
  if (motionTimer) clearInterval(motionTimer);
  motionTimer = null;
  if (store.getState().playing) store.setState({ playing: false });
}

export function togglePlay(): void {
  if (store.getState().playing) pause();
  else play();
}

/**
 * Moves `n` steps (negative: back). From inside a step, one step back returns to that
 * step's start. Keeps playing only when called by the instant-step timer.
 */
export function stepBy(n: number, keepPlaying = false): void {
  if (!keepPlaying) pause();
  const { times, step, t } = store.getState();
  seekStep(n < 0 && t > (times[step] ?? 0) ? step + n + 1 : step + n);
}

export function restart(): void {
  pause();
  seekStep(0);
}

/** Jumps to the last event: the end state of the run, e.g. to read its totals. */
export function goToEnd(): void {
  pause();
  seekStep(store.getState().times.length - 1);
}

export function changeSpeed(delta: number): void {
  const { scale, speed } = store.getState();
  const next = { ...speed, [scale]: clampSpeed(speed[scale] + delta) };
  store.setState({ speed: next });
  saveSetting('speedStep', JSON.stringify(next));
}
