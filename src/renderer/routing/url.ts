/**
 * Scene state in the URL hash, identical in both modes (Electron's app:// and http://):
 * `#/<scene-id>?<scene params>&seed=N&t=<ns>&scale=log|linear`. Pure functions, unit-tested.
 */

export interface ParsedHash {
  /** null for the home route (`#/` or empty). */
  readonly sceneId: string | null;
  readonly query: Readonly<Record<string, string>>;
}

/** The keys the app owns; every other key belongs to the scene. */
export const APP_KEYS = ['seed', 't', 'step', 'scale'] as const;

export function parseHash(hash: string): ParsedHash {
  const body = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [path = '', search = ''] = body.split('?', 2) as [string?, string?];
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) query[key] = value;
  const raw = path.replace(/\/+$/, '');
  let sceneId: string;
  try {
    sceneId = decodeURIComponent(raw);
  } catch {
    // A malformed percent-encoding (`#/%E0%A4%A`): keep the text as typed, so the app shows its
    // "no such scene" notice with it instead of throwing.
    sceneId = raw;
  }
  return { sceneId: sceneId === '' ? null : sceneId, query };
}

export function buildHash(sceneId: string, query: Readonly<Record<string, string>>): string {
  const search = new URLSearchParams(Object.entries(query)).toString();
  return `#/${encodeURIComponent(sceneId)}${search ? `?${search}` : ''}`;
}

export type TimeScale = 'log' | 'linear';

export interface AppState {
  readonly seed: number;
  /** Playhead in virtual nanoseconds. */
  readonly t: number;
  /** Event index under the playhead; null = derive it from t. Several events can share one time. */
  readonly step: number | null;
  readonly scale: TimeScale;
}

export interface Ignored {
  readonly key: string;
  readonly reason: string;
}

/** Reads seed, t and scale; bad values fall back to the defaults and are reported. */
export function parseAppState(query: Readonly<Record<string, string>>, defaults: AppState): { state: AppState; ignored: Ignored[] } {
  const ignored: Ignored[] = [];
  let { seed, t, step, scale } = defaults;
  if (query.seed !== undefined) {
    const value = Number(query.seed);
    if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) seed = value;
    else ignored.push({ key: 'seed', reason: `seed must be a whole number from 0 to 4294967295 (got "${query.seed}")` });
  }
  if (query.t !== undefined) {
    const value = Number(query.t);
    if (Number.isFinite(value) && value >= 0) t = value;
    else ignored.push({ key: 't', reason: `t must be a time in nanoseconds ≥ 0 (got "${query.t}")` });
  }
  if (query.step !== undefined) {
    const value = Number(query.step);
    if (Number.isInteger(value) && value >= 0) step = value;
    else ignored.push({ key: 'step', reason: `step must be a whole number ≥ 0 (got "${query.step}")` });
  }
  if (query.scale !== undefined) {
    if (query.scale === 'log' || query.scale === 'linear') scale = query.scale;
    else ignored.push({ key: 'scale', reason: `scale must be "log" or "linear" (got "${query.scale}")` });
  }
  return { state: { seed, t, step, scale }, ignored };
}

/** Splits a query into the scene's own keys and the app's keys. */
export function sceneQuery(query: Readonly<Record<string, string>>): Record<string, string> {
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (!(APP_KEYS as readonly string[]).includes(key)) own[key] = value;
  return own;
}

/** Serialises the full state; `t` keeps full precision so a shared link reopens the exact frame. */
export function stateQuery(sceneParams: Readonly<Record<string, string>>, app: AppState): Record<string, string> {
  const query: Record<string, string> = { ...sceneParams, seed: String(app.seed), t: String(app.t) };
  if (app.step !== null) query.step = String(app.step);
  query.scale = app.scale;
  return query;
}
