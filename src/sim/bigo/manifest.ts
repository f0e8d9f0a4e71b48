/** The bigo scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { ParamIssue, LoadableManifest } from '../core/scene';
import type { bigoScene } from './scene';
import type { ParamSchema, ParamSpec as SchemaSpec } from '../core/params';
import { EmptyPopError, parseSpec, runOps, SpecError, STRUCTURE_IDS, type StructureId } from './structures';

/** An operation mix: what the run does to the structure. */
export type Mix = 'back' | 'front' | 'drain-back' | 'drain-front' | 'random' | 'custom';
export const MIXES: readonly Mix[] = ['back', 'front', 'drain-back', 'drain-front', 'random', 'custom'];

/** Parameters of the Big O scene. */
export interface BigOParams {
  readonly structure: StructureId;
  readonly mix: Mix;
  /** Elements the mix works on (ops: n, or 2n for the drains), 1..{@link MAX_SCENE_N}. */
  readonly n: number;
  /** The ops of the `custom` mix, as the CLI's SPEC (`append*10,pop0*3`). */
  readonly ops: string;
  /** Largest n of the growth chart's cost curves. */
  readonly curveN: number;
}

/** Largest n of a mix (the stage draws every slot). */
export const MAX_SCENE_N = 512;
/** Most ops a custom SPEC may ask for in the scene. */
export const MAX_SCENE_OPS = 2048;

/** One parameter, declared once: the URL, the inspector and the checks all read this table. */
export type ParamSpec =
  | { readonly name: keyof BigOParams; readonly type: 'enum'; readonly default: string; readonly values: readonly string[]; readonly label: string; readonly help: string }
  | { readonly name: keyof BigOParams; readonly type: 'int'; readonly default: number; readonly min: number; readonly max: number; readonly label: string; readonly help: string }
  | { readonly name: keyof BigOParams; readonly type: 'spec'; readonly default: string; readonly maxOps: number; readonly label: string; readonly help: string };

/** The scene's parameters (name, type, default, bounds or values, label, help). */
export const BIGO_PARAMS: readonly ParamSpec[] = [
  { name: 'structure', type: 'enum', default: 'list', values: STRUCTURE_IDS, label: 'Structure', help: "CPython's list (one array of slots) or collections.deque (blocks of 64 slots)" },
  { name: 'mix', type: 'enum', default: 'front', values: MIXES, label: 'Operations', help: 'what the run does: grow at the back or the front, fill then empty from one end, a seeded random mix, or your own SPEC' },
  { name: 'n', type: 'int', default: 24, min: 1, max: MAX_SCENE_N, label: 'Elements (n)', help: 'how many elements the mix adds (and removes, for the drains)' },
  { name: 'ops', type: 'spec', default: 'append*20,insert0*4,pop0*6', maxOps: MAX_SCENE_OPS, label: 'Custom ops (SPEC)', help: 'OP*COUNT, comma-separated, as `nanoscope bigo --ops`; used when Operations is custom' },
  { name: 'curveN', type: 'int', default: 4096, min: 64, max: 65_536, label: 'Growth chart up to n', help: 'the cost curves are counted for n = 1, 2, 4, … up to this' },
];

const DEFAULTS: BigOParams = Object.fromEntries(BIGO_PARAMS.map((p) => [p.name, p.default])) as unknown as BigOParams;

/** Labels of the mixes for a structure (the front op differs: insert0 vs appendleft). */
export function mixLabel(mix: Mix, structure: StructureId): string {
  const front = structure === 'list' ? 'insert(0, x)' : 'appendleft(x)';
  const popFront = structure === 'list' ? 'pop(0)' : 'popleft()';
  switch (mix) {
    case 'back':
      return 'n × append(x)';
    case 'front':
      return `n × ${front}`;
    case 'drain-back':
      return 'n × append, then n × pop()';
    case 'drain-front':
      return `n × append, then n × ${popFront}`;
    case 'random':
      return 'a seeded random mix of n ops';
    case 'custom':
      return 'custom SPEC';
  }
}

/** Checks a SPEC for a structure the way the scene runs it: bounded, and no pop on empty. */
export function checkSceneSpec(structure: StructureId, spec: string): string | null {
  try {
    const items = parseSpec(structure, spec);
    const total = items.reduce((a, b) => a + b.count, 0);
    if (total > MAX_SCENE_OPS) return `ops asks for ${total} ops; the scene runs at most ${MAX_SCENE_OPS} (the CLI takes more)`;
    runOps(structure, items);
    return null;
  } catch (e) {
    if (e instanceof SpecError || e instanceof EmptyPopError) return `ops: ${e.message}`;
    throw e;
  }
}

function parseParams(raw: Readonly<Record<string, string>>): { params: BigOParams; ignored: ParamIssue[] } {
  const p: Record<string, string | number> = { ...DEFAULTS };
  const ignored: ParamIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const spec = BIGO_PARAMS.find((s) => s.name === key);
    if (!spec) {
      ignored.push({ key, reason: 'unknown parameter' });
      continue;
    }
    if (spec.type === 'enum') {
      if (spec.values.includes(value)) p[key] = value;
      else ignored.push({ key, reason: `${key} must be one of ${spec.values.join(', ')}` });
    } else if (spec.type === 'int') {
      const text = value.trim();
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      if (Number.isSafeInteger(n) && n >= spec.min && n <= spec.max) p[key] = n;
      else ignored.push({ key, reason: `${key} must be an integer from ${spec.min} to ${spec.max}` });
    } else {
      if (value.length <= 4000) p[key] = value;
      else ignored.push({ key, reason: `${key} is longer than 4000 characters` });
    }
  }
  // The SPEC depends on the structure: check it once both are known; a deque gets its own default.
  const params = p as unknown as BigOParams;
  const problem = checkSceneSpec(params.structure, params.ops);
  if (!problem) return { params, ignored };
  if (raw.ops !== undefined && p.ops === raw.ops) ignored.push({ key: 'ops', reason: problem });
  return { params: { ...params, ops: DEFAULT_OPS[params.structure] }, ignored };
}

/** The default custom SPEC of each structure. */
export const DEFAULT_OPS: Readonly<Record<StructureId, string>> = { list: 'append*20,insert0*4,pop0*6', deque: 'append*20,appendleft*4,popleft*6' };

function serializeParams(p: BigOParams): Record<string, string> {
  return Object.fromEntries(BIGO_PARAMS.map((s) => [s.name, String(p[s.name])]));
}
/**
 * The table above in the project-wide schema shape (src/sim/core/params.ts), for `nanoscope
 * scenes`, `trace` and scenario checks; the table stays the one declaration. A SPEC is a string
 * there (its bound in characters); the scene's parser also checks it against the structure.
 */
export const BIGO_SCHEMA = Object.fromEntries(
  BIGO_PARAMS.map(({ name, ...spec }): [string, SchemaSpec] => [name, spec.type === 'spec' ? { type: 'string', default: spec.default, maxLength: 4000, label: spec.label, help: spec.help } : spec]),
) as unknown as ParamSchema<BigOParams>;

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const bigoManifest: LoadableManifest<BigOParams, 'big-o', typeof bigoScene> = {
  id: 'big-o',
  title: 'The Big O',
  params: BIGO_SCHEMA,
  defaults: DEFAULTS,
  parseParams,
  serializeParams,
  load: () => import('./scene').then((m) => m.bigoScene),
};
