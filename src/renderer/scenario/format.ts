/**
 * The scenario file (`*.nanoscope.json`): one scene's exact state — parameters, seed, the
 * timeline position, the hardware it ran on, the user's code where the scene has any. A
 * contract: fields may be added in a later version, never renamed. Pure functions, no DOM.
 */

export const SCENARIO_FORMAT = 'nanoscope.scenario';
/** The newest version this build reads and the one it writes. */
export const SCENARIO_VERSION = 1;
/** Files larger than this are refused before parsing (a scenario is a few hundred bytes). */
export const SCENARIO_MAX_BYTES = 1024 * 1024;
export const SCENARIO_EXTENSION = '.nanoscope.json';

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly version: number;
  /** Scene id, as in the URL: `threads`. */
  readonly scene: string;
  /** The scene's parameters as strings, as in the URL. */
  readonly params: Readonly<Record<string, string>>;
  readonly seed: number;
  readonly timeline: {
    /** Playhead in virtual nanoseconds. */
    readonly t: number;
    /** Event index under the playhead (several events can share a time); null: derived from t. */
    readonly step: number | null;
    readonly scale: 'log' | 'linear';
  };
  /** The machine the scene ran on: its preset id (when a parameter chose one) and its name. */
  readonly hardware: { readonly preset: string | null; readonly name: string } | null;
  /** The user's program, for scenes that have an editor (the event loop); null elsewhere. */
  readonly code: string | null;
  /** Informational: when and by which version it was written. */
  readonly savedAt?: string;
  readonly app?: string;
}

export type ScenarioCheck = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly message: string };

/** What validation needs to know about the scenes of this build. */
export interface SceneCatalog {
  readonly ids: readonly string[];
  /** The scene's own reasons for rejecting parameters (empty when all are valid). */
  paramIssues(sceneId: string, params: Readonly<Record<string, string>>): readonly { key: string; reason: string }[];
}

class Invalid extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function need(condition: boolean, field: string, expected: string, value: unknown): void {
  if (!condition) throw new Invalid(`${field}: expected ${expected}, got ${describe(value)}`);
}

function checkTimeline(raw: unknown): Scenario['timeline'] {
  need(isRecord(raw), 'timeline', 'an object { t, step, scale }', raw);
  const timeline = raw as Record<string, unknown>;
  const { t, step, scale } = timeline;
  need(typeof t === 'number' && Number.isFinite(t) && t >= 0, 'timeline.t', 'a time in nanoseconds ≥ 0', t);
  need(step === null || step === undefined || (typeof step === 'number' && Number.isInteger(step) && step >= 0), 'timeline.step', 'a whole number ≥ 0 or null', step);
  need(scale === undefined || scale === 'log' || scale === 'linear', 'timeline.scale', '"log" or "linear"', scale);
  return { t: t as number, step: (step as number | null | undefined) ?? null, scale: (scale as 'log' | 'linear' | undefined) ?? 'log' };
}

function checkHardware(raw: unknown): Scenario['hardware'] {
  if (raw === null || raw === undefined) return null;
  need(isRecord(raw), 'hardware', 'an object { preset, name } or null', raw);
  const { preset, name } = raw as Record<string, unknown>;
  need(preset === null || preset === undefined || typeof preset === 'string', 'hardware.preset', 'a string or null', preset);
  need(typeof name === 'string', 'hardware.name', 'a string', name);
  return { preset: (preset as string | null | undefined) ?? null, name: name as string };
}

function checkParams(raw: unknown, scene: string, catalog: SceneCatalog): Record<string, string> {
  need(isRecord(raw), 'params', 'an object of strings', raw);
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    need(typeof value === 'string', `params.${key}`, 'a string', value);
    params[key] = value as string;
  }
  const issue = catalog.paramIssues(scene, params)[0];
  if (issue) throw new Invalid(`params.${issue.key}: ${issue.reason}`);
  return params;
}

/** Checks a parsed JSON value; the message names the first bad field. */
export function validateScenario(raw: unknown, catalog: SceneCatalog): ScenarioCheck {
  try {
    need(isRecord(raw), '(file)', 'a JSON object', raw);
    const data = raw as Record<string, unknown>;
    need(data.format === SCENARIO_FORMAT, 'format', `"${SCENARIO_FORMAT}"`, data.format);
    const version = data.version;
    need(typeof version === 'number' && Number.isInteger(version) && version >= 1, 'version', 'a whole number ≥ 1', version);
    if ((version as number) > SCENARIO_VERSION) {
      throw new Invalid(
        `version: this scenario was written by a newer Nanoscope (format version ${String(version)}); this one reads up to version ${SCENARIO_VERSION}. Update Nanoscope to open it.`,
      );
    }
    need(typeof data.scene === 'string', 'scene', 'a scene id', data.scene);
    const scene = data.scene as string;
    if (!catalog.ids.includes(scene)) throw new Invalid(`scene: unknown scene "${scene}" (this version has ${catalog.ids.join(', ')})`);
    const params = checkParams(data.params, scene, catalog);
    const seed = data.seed;
    need(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff, 'seed', 'a whole number from 0 to 4294967295', seed);
    const timeline = checkTimeline(data.timeline);
    const hardware = checkHardware(data.hardware);
    need(data.code === null || data.code === undefined || typeof data.code === 'string', 'code', 'a string or null', data.code);
    const scenario: Scenario = {
      format: SCENARIO_FORMAT,
      version: SCENARIO_VERSION,
      scene,
      params,
      seed: seed as number,
      timeline,
      hardware,
      code: (data.code as string | null | undefined) ?? null,
      ...(typeof data.savedAt === 'string' ? { savedAt: data.savedAt } : {}),
      ...(typeof data.app === 'string' ? { app: data.app } : {}),
    };
    return { ok: true, scenario };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}

/** Parses file text; JSON syntax errors and oversized files get a message too, never a throw. */
export function parseScenario(text: string, catalog: SceneCatalog): ScenarioCheck {
  if (text.length > SCENARIO_MAX_BYTES) return { ok: false, message: `(file): larger than ${SCENARIO_MAX_BYTES / 1024} KiB — not a scenario` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `(file): not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return validateScenario(raw, catalog);
}

export function serializeScenario(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** A file name for the scenario: `threads-seed-1-step-12.nanoscope.json`. */
export function scenarioFileName(scenario: Scenario): string {
  const step = scenario.timeline.step ?? 0;
  return `${scenario.scene}-seed-${scenario.seed}-step-${step}${SCENARIO_EXTENSION}`;
}
