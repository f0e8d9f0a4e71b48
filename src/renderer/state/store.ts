/**
 * The app's state: a vanilla zustand store in slices, read with narrow selectors. It holds
 * UI state and the latest frame, never the engine (that lives in the worker). The playhead
 * `t` changes every animation frame; stages read it through transient subscriptions.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Frame } from '../engine/protocol';
import type { Pace, Span } from '../engine/playhead';
import type { Ignored, TimeScale } from '../routing/url';
import type { OsCacheInfo, MeasurementKind, MeasurementProgress, MeasurementResult, HostInfo } from '../../shared/api';
import type { Lesson } from '../lessons/format';

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
  /** The user's speed steps from the fitted pace (each doubles or halves it), per axis. */
  speed: Record<TimeScale, number>;
  /** The pace fitted to this run on each axis (whole story in 15–30 s). */
  pace: Record<TimeScale, Pace>;
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

/** A scenario opened or saved lately, kept whole so it reopens in browser mode too (no paths there). */
export interface RecentScenario {
  readonly name: string;
  readonly at: string;
  readonly text: string;
}

export interface ClassroomSlice {
  /** The open dialog, if any. */
  dialog: 'file' | 'export' | null;
  /** The outcome of the last open/save/share, shown in the File dialog and as a notice. */
  fileMessage: { kind: 'error' | 'info'; text: string } | null;
  recent: RecentScenario[];
  shareLink: string | null;
  lessonOpen: boolean;
  /** Index of the lesson step last applied (−1: none yet). */
  lessonStep: number;
  /** A teacher's own lesson, loaded from a file (replaces the built-in one for its scene). */
  customLesson: Lesson | null;
  lessonError: string | null;
  pen: boolean;
  /** A running export: frames done of total; null when none runs. */
  exportJob: { label: string; done: number; total: number } | null;
  exportMessage: { kind: 'error' | 'info'; text: string } | null;
}

export type AppStore = SceneSlice & TimelineSlice & UiSlice & MeasureSlice & ClassroomSlice;

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

function loadJson<T>(key: string, check: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(`nanoscope.${key}`) ?? 'null');
    return check(value) ? value : null;
  } catch {
    return null;
  }
}

const isSpeed = (v: unknown): v is Record<TimeScale, number> =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).log === 'number' && typeof (v as Record<string, unknown>).linear === 'number';
const isRecentList = (v: unknown): v is RecentScenario[] =>
  Array.isArray(v) && v.every((r) => typeof r === 'object' && r !== null && typeof r.name === 'string' && typeof r.at === 'string' && typeof r.text === 'string');

/** The scene the user last had open, for a start without a route. */
export function lastScene(): string | null {
  try {
    return localStorage.getItem('nanoscope.lastScene');
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
  speed: loadJson('speedStep', isSpeed) ?? { log: 0, linear: 0 },
  pace: { log: { base: 1, seconds: 0 }, linear: { base: 1, seconds: 0 } },
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

  dialog: null,
  fileMessage: null,
  recent: loadJson('recent', isRecentList) ?? [],
  shareLink: null,
  lessonOpen: false,
  lessonStep: -1,
  customLesson: null,
  lessonError: null,
  pen: false,
  exportJob: null,
  exportMessage: null,
}));

/** Narrow selector hook: `useApp((s) => s.playing)`. */
export function useApp<T>(selector: (state: AppStore) => T): T {
  return useStore(store, selector);
}
