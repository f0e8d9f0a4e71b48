/**
 * Scenario files and share links: the current state as a Scenario, saving it (dialog or
 * download), opening one (dialog, file input, drop, the recent list, a share link), and the
 * recent list. Generic over the scene registry: a new scene needs nothing here.
 */
import { getApi } from '../api/client';
import { saveSetting, store, type AppStore, type RecentScenario } from '../state/store';
import { buildHash, stateQuery } from '../routing/url';
import {
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  parseScenario,
  scenarioFileName,
  serializeScenario,
  type Scenario,
} from '../scenario/format';
import { encodeShareHash } from '../scenario/shareLink';
import { applyHash, findScene, onShareLink, sceneCatalog } from './sceneController';
import { saveText } from './files';

const RECENT_MAX = 8;
/** `npm run web`'s address (scripts/start.js, port 5817). */
const BROWSER_MODE_URL = 'http://127.0.0.1:5817/';
export const SCENARIO_FILTERS = [{ name: 'Nanoscope scenario', extensions: ['nanoscope.json', 'json'] }];

/** How long an "Opened …" / "Saved …" note stays on the stage (errors stay until dismissed). */
const INFO_MS = 8000;

function inform(text: string, extra: Partial<AppStore> = {}): void {
  const message = { kind: 'info' as const, text };
  store.setState({ ...extra, fileMessage: message });
  setTimeout(() => {
    if (store.getState().fileMessage === message) store.setState({ fileMessage: null });
  }, INFO_MS);
}

/** The state on screen as a scenario, or null when no scene is open. */
export function currentScenario(): Scenario | null {
  const s = store.getState();
  const scene = findScene(s.sceneId);
  if (!scene) return null;
  const { machine } = scene.resolveMachine(s.params, s);
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    scene: scene.id,
    params: { ...s.params },
    seed: s.seed,
    timeline: { t: s.t, step: s.step, scale: s.scale },
    hardware: { preset: s.params.preset ?? null, name: machine.name },
    code: scene.code?.get() ?? null,
    savedAt: new Date().toISOString(),
    ...(s.hostInfo ? { app: s.hostInfo.version } : {}),
  };
}

/** Shows a scenario: its code first (the run depends on it), then the URL drives the rest. */
export function applyScenario(scenario: Scenario): void {
  findScene(scenario.scene)?.code?.set(scenario.code);
  const { t, step, scale } = scenario.timeline;
  history.replaceState(null, '', buildHash(scenario.scene, stateQuery(scenario.params, { seed: scenario.seed, t, step, scale })));
  applyHash();
}

function remember(name: string, text: string): void {
  const recent: RecentScenario[] = [{ name, at: new Date().toISOString(), text }, ...store.getState().recent.filter((r) => r.name !== name)].slice(0, RECENT_MAX);
  store.setState({ recent });
  saveSetting('recent', JSON.stringify(recent));
}

export function clearRecent(): void {
  store.setState({ recent: [] });
  saveSetting('recent', '[]');
}

/** Opens scenario text from any source; a bad file gets a message naming the field. */
export function openScenarioText(name: string, text: string): boolean {
  const check = parseScenario(text, sceneCatalog());
  if (!check.ok) {
    store.setState({ fileMessage: { kind: 'error', text: `${name} was not opened — ${check.message}` } });
    return false;
  }
  remember(name, text);
  inform(`Opened ${name}.`, { dialog: null });
  applyScenario(check.scenario);
  return true;
}

export async function openScenarioFile(file: File): Promise<boolean> {
  if (file.size > 1024 * 1024) {
    store.setState({ fileMessage: { kind: 'error', text: `${file.name} was not opened — (file): larger than 1024 KiB, not a scenario` } });
    return false;
  }
  return openScenarioText(file.name, await file.text());
}

/** The File > Open command: a native dialog where the host has one, else the File dialog's input. */
export async function openScenarioDialog(): Promise<void> {
  if (!store.getState().hostInfo?.capabilities.nativeDialogs) {
    store.setState({ dialog: 'file' });
    return;
  }
  try {
    const chosen = await getApi().openFile({ filters: SCENARIO_FILTERS });
    if (chosen.path && chosen.text !== undefined) openScenarioText(chosen.name ?? chosen.path, chosen.text);
  } catch (error) {
    store.setState({ fileMessage: { kind: 'error', text: error instanceof Error ? error.message : String(error) } });
  }
}

export async function saveScenario(): Promise<void> {
  const scenario = currentScenario();
  if (!scenario) return;
  const name = scenarioFileName(scenario);
  const text = serializeScenario(scenario);
  try {
    const saved = await saveText(name, text, 'application/json', SCENARIO_FILTERS);
    if (!saved) return;
    remember(name, text);
    inform(`Saved ${name}.`);
  } catch (error) {
    store.setState({ fileMessage: { kind: 'error', text: error instanceof Error ? error.message : String(error) } });
  }
}

/** The full share URL for the current state. */
export async function shareUrl(): Promise<string | null> {
  const scenario = currentScenario();
  if (!scenario) return null;
  const { savedAt: _savedAt, ...rest } = scenario;
  // The desktop's app:// address means nothing to a browser: its links name browser mode's default address.
  const base = store.getState().hostInfo?.mode === 'desktop' ? BROWSER_MODE_URL : `${window.location.origin}${window.location.pathname}`;
  return `${base}${await encodeShareHash(rest)}`;
}

/** Makes the share link, shows it in the File dialog and copies it where the clipboard allows. */
export async function copyShareLink(): Promise<void> {
  const url = await shareUrl();
  if (!url) return;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard permission (headless, http): the link is shown to copy by hand.
  }
  const desktop = store.getState().hostInfo?.mode === 'desktop';
  const note = desktop ? ' It opens in browser mode (npm run web, port 5817); to hand a scenario to the desktop app, save a file.' : '';
  // Not timed out: the dialog shows it beside the link.
  store.setState({ dialog: 'file', shareLink: url, fileMessage: { kind: 'info', text: (copied ? 'Share link copied.' : 'Share link ready — copy it below.') + note } });
}

onShareLink((scenario) => {
  inform(`Opened a shared ${findScene(scenario.scene)?.title ?? scenario.scene} scenario.`);
  applyScenario(scenario);
});
