/**
 * Playback: the one clock adapter. A requestAnimationFrame ticker turns wall time × speed
 * into a playhead position; the worker is asked for the frame of the step under the
 * playhead. With motion off, play moves one whole step at a time (no in-between frames).
 */
import { store } from '../state/store';
import { advance, clampSpeed, stepAtTime } from '../engine/playhead';
import type { EngineClient } from '../engine/engineClient';

let engine: EngineClient | null = null;
let rafHandle = 0;
let lastWall = 0;
let frameRequest = 0;
let motionTimer: ReturnType<typeof setInterval> | null = null;

/** Steps a "big step" moves. */
export const BIG_STEP = 10;
/** Wall milliseconds between steps when motion is off. */
export const INSTANT_STEP_MS = 400;

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

/** Moves the playhead to `t` (clamped to the run) and updates the step and frame. */
export function seek(t: number): void {
  const { times, span } = store.getState();
  const clamped = Math.max(0, Math.min(span.tEnd, t));
  const step = stepAtTime(times, clamped);
  const changed = step !== store.getState().step;
  store.setState({ t: clamped, step });
  if (changed || !store.getState().frame) void syncFrame();
}

function tick(now: number): void {
  const state = store.getState();
  if (!state.playing) return;
  const dt = Math.min(0.25, (now - lastWall) / 1000);
  lastWall = now;
  const t = advance(state.t, dt, state.scale, state.speed[state.scale], state.span);
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
  if (state.t >= state.span.tEnd) seek(0);
  store.setState({ playing: true });
  if (state.motion) {
    lastWall = performance.now();
    rafHandle = requestAnimationFrame(tick);
  } else {
    motionTimer = setInterval(() => {
      const s = store.getState();
      if (s.step >= s.times.length - 1) pause();
      else stepBy(1, true);
    }, INSTANT_STEP_MS);
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
  const last = times.length - 1;
  let target: number;
  if (n < 0 && t > (times[step] ?? 0)) target = Math.max(0, step + n + 1);
  else target = Math.max(0, Math.min(last, step + n));
  seek(times[target] ?? 0);
}

export function restart(): void {
  pause();
  seek(0);
}

export function changeSpeed(delta: number): void {
  const { scale, speed } = store.getState();
  store.setState({ speed: { ...speed, [scale]: clampSpeed(scale, speed[scale] + delta) } });
}
