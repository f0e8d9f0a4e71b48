/**
 * The app's state: a vanilla zustand store in slices, read with narrow selectors. It holds
 * UI state and the latest frame, never the engine (that lives in the worker). The playhead
 * `t` changes every animation frame; stages read it through transient subscriptions.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Frame } from '../engine/protocol';
import type { Span } from '../engine/playhead';
import type { Ignored, TimeScale } from '../routing/url';
import type { OsCacheInfo, MeasurementKind, MeasurementProgress, MeasurementResult, HostInfo } from '../../shared/api';

/** The latest result of each kind of real measurement. */
export type MeasurementResults = { readonly [K in MeasurementKind]?: Extract<MeasurementResult, { kind: K }> };

export type Theme = 'light' | 'dark';

export interface SceneSlice {
  sceneId: string | null;
  params: Record<string, string>;
  seed: number;
  /** URL parts that were ignored, with reasons (shown as a notice). */
  ignored: Ignored[];
  loading: boolean;
  /** 0..1 while a long simulation runs in the worker. */
  loadProgress: number;
  loadError: string | null;
  /** A note about what the scene is showing, e.g. which machine stands in for an unmeasured one. */
  notice: string | null;
}

export interface TimelineSlice {
  playing: boolean;
  t: number;
  step: number;
  times: Float64Array;
  span: Span;
  scale: TimeScale;
  speed: Record<TimeScale, number>;
  frame: Frame | null;
  truncated: boolean;
}

export interface UiSlice {
  theme: Theme;
  presenting: boolean;
  /** false: instant steps, no motion (automation, reduced motion). */
  motion: boolean;
  helpOpen: boolean;
  hostInfo: HostInfo | null;
  osCaches: OsCacheInfo[];
}

export interface MeasureSlice {
  job: { jobId: string; label: string; progress: MeasurementProgress | null } | null;
  results: MeasurementResults;
  measureError: string | null;
  /** Largest working set the next memory measurement uses. */
  measureMaxBytes: number;
}

export type AppStore = SceneSlice & TimelineSlice & UiSlice & MeasureSlice;

const prefersDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

function loadSetting<T extends string>(key: string, allowed: readonly T[]): T | null {
  try {
    const value = localStorage.getItem(`nanoscope.${key}`);
    return allowed.includes(value as T) ? (value as T) : null;
  } catch {
    return null;
  }
}

export function saveSetting(key: string, value: string): void {
  try {
    localStorage.setItem(`nanoscope.${key}`, value);
  } catch {
    // Storage can be unavailable (private mode); the setting then lasts for this page only.
  }
}

export const store = createStore<AppStore>()(() => ({
  sceneId: null,
  params: {},
  seed: 1,
  ignored: [],
  loading: false,
  loadProgress: 0,
  loadError: null,
  notice: null,

  playing: false,
  t: 0,
  step: 0,
  times: new Float64Array([0]),
  span: { tMin: 1, tEnd: 1 },
  scale: 'log',
  speed: { log: 3, linear: 0 },
  frame: null,
  truncated: false,

  theme: loadSetting<Theme>('theme', ['light', 'dark']) ?? (prefersDark() ? 'dark' : 'light'),
  presenting: false,
  motion: (loadSetting('motion', ['on', 'off']) ?? (prefersReducedMotion() ? 'off' : 'on')) === 'on',
  helpOpen: false,
  hostInfo: null,
  osCaches: [],

  job: null,
  results: {},
  measureError: null,
  measureMaxBytes: 256 * 1024 * 1024,
}));

/** Narrow selector hook: `useApp((s) => s.playing)`. */
export function useApp<T>(selector: (state: AppStore) => T): T {
  return useStore(store, selector);
}
