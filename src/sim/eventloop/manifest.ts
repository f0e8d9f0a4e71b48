/** The eventloop scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { ParamIssue, LoadableManifest } from '../core/scene';
import type { eventLoopScene } from './scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';
import { SCENE_PRESETS } from './presets';
import type { RuntimeId } from './trace';

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

const DEFAULT_PRESET = SCENE_PRESETS[0]?.id ?? 'microtask-vs-timer';
/** C10k's default number of requests. */
export const DEFAULT_REQUESTS = 1000;
/** Longest program the scene accepts, characters (the URL carries it). */
export const MAX_CODE_CHARS = 20_000;

function presetSource(id: string): string {
  return SCENE_PRESETS.find((p) => p.id === id)?.source ?? '';
}

const RUNTIMES: readonly RuntimeId[] = ['node', 'browser'];

/** The scene's parameters, declared once. `code` defaults to the preset's source. */
export const EVENT_LOOP_PARAMS = {
  runtime: { type: 'enum', default: 'node', values: RUNTIMES, label: 'Runtime', help: "Whose event loop: Node 20's or the browser's." },
  preset: { type: 'enum', default: DEFAULT_PRESET, values: SCENE_PRESETS.map((p) => p.id), label: 'Program', help: 'A program from the tutorial, the puzzles and the modern examples.' },
  code: { type: 'string', default: presetSource(DEFAULT_PRESET), maxLength: MAX_CODE_CHARS, label: 'Code', help: "The program (JavaScript); absent, the preset's source." },
  view: { type: 'enum', default: 'program', values: ['program', 'c10k'], label: 'View', help: "The program's event loop, or C10k." },
  requests: { type: 'int', default: DEFAULT_REQUESTS, min: 1, max: 10_000, label: 'Requests (C10k)' },
  wait: { type: 'enum', default: 'internet', values: ['datacenter', 'internet'], label: 'Each request waits for (C10k)' },
} satisfies ParamSchema<EventLoopParams>;

function parseParams(raw: Readonly<Record<string, string>>): { params: EventLoopParams; ignored: ParamIssue[] } {
  const { params, ignored } = parseWithSchema<EventLoopParams>(EVENT_LOOP_PARAMS, raw);
  const codeGiven = raw.code !== undefined && !ignored.some((i) => i.key === 'code');
  return { params: codeGiven ? params : { ...params, code: presetSource(params.preset) }, ignored };
}

function serializeParams(p: EventLoopParams): Record<string, string> {
  const all = serializeWithSchema<EventLoopParams>(EVENT_LOOP_PARAMS, p);
  const out: Record<string, string> = { runtime: all.runtime!, preset: all.preset! };
  // Short links: the rest only where it differs from its default.
  if (p.code !== presetSource(p.preset)) out.code = p.code;
  for (const key of ['view', 'requests', 'wait'] as const) if (p[key] !== EVENT_LOOP_PARAMS[key].default) out[key] = all[key]!;
  return out;
}

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const eventLoopManifest: LoadableManifest<EventLoopParams, 'event-loop', typeof eventLoopScene> = {
  id: 'event-loop',
  title: 'The Event Loop',
  params: EVENT_LOOP_PARAMS,
  defaults: defaultsOf<EventLoopParams>(EVENT_LOOP_PARAMS),
  parseParams,
  serializeParams,
  load: () => import('./scene').then((m) => m.eventLoopScene),
};
