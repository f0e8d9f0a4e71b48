/**
 * Keeps the URL, the store and the simulation worker in step. The URL is the source of
 * truth when it changes (a link, back/forward); the store writes back to it with
 * replaceState when the user changes something, so a copied URL reopens the same frame.
 */
import { lastScene, saveSetting, store } from '../state/store';
import { buildHash, parseAppState, parseHash, sceneQuery, stateQuery, type Ignored, type TimeScale } from '../routing/url';
import { fitPace, spanOf } from '../engine/playhead';
import type { EngineClient } from '../engine/engineClient';
import type { SceneUi } from '../scenes/types';
import { pause, seek, seekStep } from './playback';
import { cancelMeasurement } from './measure';
import { decodeShareHash, isShareHash } from '../scenario/shareLink';
import type { Scenario, SceneCatalog } from '../scenario/format';

/** A budget for one run: more events than this and the scene stops, marked truncated. */
export const MAX_EVENTS = 500_000;

let scenes: readonly SceneUi[] = [];
let engine: EngineClient | null = null;
let lastHash = '';
let loadTicket = 0;

export function findScene(id: string | null): SceneUi | undefined {
  return scenes.find((scene) => scene.id === id);
}

/** The scenes of this build, as scenario validation sees them. */
export function sceneCatalog(): SceneCatalog {
  return {
    ids: scenes.map((scene) => scene.id),
    paramIssues: (sceneId, params) => findScene(sceneId)?.model.parseParams(params).ignored ?? [],
  };
}

/** Opens a share link: decodes the scenario, then hands it to the scenario opener. */
async function openShareHash(hash: string): Promise<void> {
  const check = await decodeShareHash(hash, sceneCatalog());
  if (window.location.hash !== hash) return;
  if (!check.ok) {
    store.setState({ fileMessage: { kind: 'error', text: `This share link cannot be opened — ${check.message}` } });
    history.replaceState(null, '', '#/');
    applyHash();
    return;
  }
  shareOpener?.(check.scenario);
}

let shareOpener: ((scenario: Scenario) => void) | null = null;

/** The scenario controller registers how a decoded share link is applied (keeps imports one-way). */
export function onShareLink(open: (scenario: Scenario) => void): void {
  shareOpener = open;
}

function currentHash(): string {
  const s = store.getState();
  if (!s.sceneId) return '#/';
  if (!findScene(s.sceneId)) return buildHash(s.sceneId, {});
  return buildHash(s.sceneId, stateQuery(s.params, { seed: s.seed, t: s.t, step: s.step, scale: s.scale }));
}

function writeUrl(): void {
  const hash = currentHash();
  if (hash === lastHash) return;
  lastHash = hash;
  history.replaceState(null, '', hash);
}

async function load(scene: SceneUi, params: Record<string, string>, seed: number, t: number, step: number | null = null): Promise<void> {
  const ticket = ++loadTicket;
  pause();
  const { machine, notice } = scene.resolveMachine(params, store.getState());
  store.setState({ loading: true, loadProgress: 0, loadError: null, notice: notice ?? null });
  try {
    const loaded = await engine!.load({ sceneId: scene.id, params, seed, machine, maxEvents: MAX_EVENTS }, (loadProgress) => {
      if (ticket === loadTicket) store.setState({ loadProgress });
    });
    if (ticket !== loadTicket) return;
    const span = spanOf(loaded.times);
    store.setState({
      loading: false,
      times: loaded.times,
      span,
      pace: { linear: fitPace(loaded.times, 'linear', span), log: fitPace(loaded.times, 'log', span) },
      truncated: loaded.truncated,
      step: 0,
      t: 0,
      frame: loaded.first,
    });
    goTo(t, step);
  } catch (error) {
    if (ticket !== loadTicket) return;
    store.setState({ loading: false, loadError: error instanceof Error ? error.message : String(error) });
  }
}

function goTo(t: number, step: number | null): void {
  if (step === null) seek(t);
  else seekStep(step, t);
}

/** Reads the URL and loads what it names. */
export function applyHash(): void {
  const hash = window.location.hash;
  if (isShareHash(hash)) {
    void openShareHash(hash);
    return;
  }
  const { sceneId, query } = parseHash(hash);
  if (sceneId === null && scenes[0]) {
    const last = lastScene();
    history.replaceState(null, '', buildHash(findScene(last) ? last! : scenes[0].id, {}));
    return applyHash();
  }
  const scene = findScene(sceneId);
  const previous = store.getState();
  if (previous.sceneId !== sceneId && previous.job) void cancelMeasurement();
  if (!scene) {
    pause();
    store.setState({ sceneId, ignored: [], frame: null, loading: false, loadError: null, notice: null });
    lastHash = hash;
    return;
  }
  saveSetting('lastScene', scene.id);
  const parsed = scene.model.parseParams(sceneQuery(query));
  const params = scene.model.serializeParams(parsed.params);
  const app = parseAppState(query, { seed: 1, t: 0, step: null, scale: scene.defaultScale });
  const ignored: Ignored[] = [...parsed.ignored, ...app.ignored];
  const sameRun =
    previous.sceneId === sceneId && previous.seed === app.state.seed && JSON.stringify(previous.params) === JSON.stringify(params) && !previous.loadError;
  // Another scene's frame must not reach this scene's stage while its own run loads.
  const frame = previous.sceneId === sceneId ? previous.frame : null;
  store.setState({ sceneId, params, seed: app.state.seed, scale: app.state.scale, ignored, frame });
  lastHash = hash;
  if (sameRun) goTo(app.state.t, app.state.step);
  else void load(scene, params, app.state.seed, app.state.t, app.state.step);
  writeUrl();
}

/** Changes one scene parameter (from the inspector) and reruns the model. */
export function setParam(key: string, value: string): void {
  const s = store.getState();
  const scene = findScene(s.sceneId);
  if (!scene) return;
  const parsed = scene.model.parseParams({ ...s.params, [key]: value });
  const params = scene.model.serializeParams(parsed.params);
  store.setState({ params, ignored: parsed.ignored });
  writeUrl();
  void load(scene, params, s.seed, 0);
}

/** Changes several scene parameters at once (null removes one) and reruns the model once. */
export function setParams(patch: Readonly<Record<string, string | null>>): void {
  const s = store.getState();
  const scene = findScene(s.sceneId);
  if (!scene) return;
  const raw: Record<string, string> = { ...s.params };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete raw[key];
    else raw[key] = value;
  }
  const parsed = scene.model.parseParams(raw);
  const params = scene.model.serializeParams(parsed.params);
  store.setState({ params, ignored: parsed.ignored });
  writeUrl();
  void load(scene, params, s.seed, 0);
}

/** Reruns with another seed; returns a message when the seed is not valid. */
export function setSeed(raw: string): string | null {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) return `The seed must be a whole number from 0 to 4294967295 ("${raw}" is not).`;
  const s = store.getState();
  const scene = findScene(s.sceneId);
  if (!scene) return null;
  store.setState({ seed: value });
  writeUrl();
  void load(scene, s.params, value, s.t, s.step);
  return null;
}

/** Reruns the current scene as it is (e.g. after a measurement changed "this machine"). */
export function reload(): void {
  const s = store.getState();
  const scene = findScene(s.sceneId);
  if (scene) void load(scene, s.params, s.seed, s.t, s.step);
}

export function setScale(scale: TimeScale): void {
  store.setState({ scale });
  writeUrl();
}

export function startRouting(allScenes: readonly SceneUi[], client: EngineClient): void {
  scenes = allScenes;
  engine = client;
  window.addEventListener('hashchange', applyHash);
  // Write the playhead back whenever playback stops or the user moves it while paused.
  store.subscribe((state, prev) => {
    if (state.playing) return;
    if (state.t !== prev.t || state.step !== prev.step || state.playing !== prev.playing || state.scale !== prev.scale) writeUrl();
  });
  // "This machine" is built from what the host reports and measures: rerun when that changes.
  store.subscribe((state, prev) => {
    if (state.params.preset !== 'this-machine' || state.job) return;
    const measurementEnded = prev.job !== null && state.job === null;
    if (state.osCaches !== prev.osCaches || state.hostInfo !== prev.hostInfo || measurementEnded) reload();
  });
  applyHash();
}
