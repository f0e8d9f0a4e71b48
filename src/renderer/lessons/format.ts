/**
 * Lesson files (`*.lesson.json`): a guided sequence of steps for one scene. Each step sets
 * the scene's parameters and a timeline position and says a few sentences; a step may ask a
 * question whose answer appears once the playhead reaches the step that shows it. A contract
 * like the scenario file: fields may be added, never renamed. Pure, no DOM.
 */
import type { SceneCatalog } from '../scenario/format';

export const LESSON_FORMAT = 'nanoscope.lesson';
export const LESSON_VERSION = 1;

/** Where a step puts the playhead: an event index, a time in ns, or the end of the run. */
export type LessonTime = { readonly step: number } | { readonly t: number } | 'end';

export interface LessonQuestion {
  readonly prompt: string;
  readonly answer: string;
  /** The answer shows once the playhead reaches this point (default: the end of the run). */
  readonly reveal: LessonTime;
}

export interface LessonStep {
  readonly title: string;
  readonly text: string;
  /** Scene parameters; those not named keep the scene's defaults. */
  readonly params: Readonly<Record<string, string>>;
  readonly seed?: number;
  readonly time: LessonTime;
  readonly question?: LessonQuestion;
}

export interface Lesson {
  readonly format: typeof LESSON_FORMAT;
  readonly version: number;
  readonly scene: string;
  readonly title: string;
  readonly steps: readonly LessonStep[];
}

export type LessonCheck = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly message: string };

class Invalid extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new Invalid(`${field}: expected text of 1 to ${max} characters, got ${JSON.stringify(value)?.slice(0, 40) ?? 'nothing'}`);
  }
  return value;
}

function time(value: unknown, field: string): LessonTime {
  if (value === undefined || value === 'end') return 'end';
  if (isRecord(value) && typeof value.step === 'number' && Number.isInteger(value.step) && value.step >= 0) return { step: value.step };
  if (isRecord(value) && typeof value.t === 'number' && Number.isFinite(value.t) && value.t >= 0) return { t: value.t };
  throw new Invalid(`${field}: expected "end", { "step": n ≥ 0 } or { "t": ns ≥ 0 }, got ${JSON.stringify(value)}`);
}

function question(value: unknown, field: string): LessonQuestion | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new Invalid(`${field}: expected an object { prompt, answer, reveal? }`);
  return { prompt: text(value.prompt, `${field}.prompt`, 300), answer: text(value.answer, `${field}.answer`, 600), reveal: time(value.reveal, `${field}.reveal`) };
}

function step(value: unknown, i: number, scene: string, catalog: SceneCatalog): LessonStep {
  const where = `steps[${i}]`;
  if (!isRecord(value)) throw new Invalid(`${where}: expected an object { title, text, params, time }`);
  const params: Record<string, string> = {};
  if (value.params !== undefined) {
    if (!isRecord(value.params)) throw new Invalid(`${where}.params: expected an object of strings`);
    for (const [key, v] of Object.entries(value.params)) {
      if (typeof v !== 'string') throw new Invalid(`${where}.params.${key}: expected a string, got ${JSON.stringify(v)}`);
      params[key] = v;
    }
  }
  const issue = catalog.paramIssues(scene, params)[0];
  if (issue) throw new Invalid(`${where}.params.${issue.key}: ${issue.reason}`);
  const seed = value.seed;
  if (seed !== undefined && !(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    throw new Invalid(`${where}.seed: expected a whole number from 0 to 4294967295, got ${JSON.stringify(seed)}`);
  }
  const q = question(value.question, `${where}.question`);
  return {
    title: text(value.title, `${where}.title`, 120),
    text: text(value.text, `${where}.text`, 1200),
    params,
    ...(seed !== undefined ? { seed: seed as number } : {}),
    time: time(value.time, `${where}.time`),
    ...(q ? { question: q } : {}),
  };
}

/** Checks a parsed lesson; the message names the first bad field (`steps[2].params.rows: …`). */
export function validateLesson(raw: unknown, catalog: SceneCatalog): LessonCheck {
  try {
    if (!isRecord(raw)) throw new Invalid('(file): expected a JSON object');
    if (raw.format !== LESSON_FORMAT) throw new Invalid(`format: expected "${LESSON_FORMAT}", got ${JSON.stringify(raw.format) ?? 'nothing'}`);
    const version = raw.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Invalid(`version: expected a whole number ≥ 1, got ${JSON.stringify(version) ?? 'nothing'}`);
    if (version > LESSON_VERSION) throw new Invalid(`version: this lesson needs a newer Nanoscope (format version ${version}; this one reads up to ${LESSON_VERSION})`);
    if (typeof raw.scene !== 'string' || !catalog.ids.includes(raw.scene)) {
      throw new Invalid(`scene: expected one of ${catalog.ids.join(', ')}, got ${JSON.stringify(raw.scene) ?? 'nothing'}`);
    }
    const title = text(raw.title, 'title', 120);
    if (!Array.isArray(raw.steps) || raw.steps.length === 0 || raw.steps.length > 100) throw new Invalid('steps: expected a list of 1 to 100 steps');
    const scene = raw.scene;
    const steps = raw.steps.map((s: unknown, i: number) => step(s, i, scene, catalog));
    return { ok: true, lesson: { format: LESSON_FORMAT, version: LESSON_VERSION, scene, title, steps } };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}

export function parseLesson(source: string, catalog: SceneCatalog): LessonCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    return { ok: false, message: `(file): not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return validateLesson(raw, catalog);
}
