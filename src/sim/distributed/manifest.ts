/** The distributed scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { ParamIssue, LoadableManifest } from '../core/scene';
import type { distributedScene } from './scene';
import type { ParamSchema, ParamSpec as SchemaSpec } from '../core/params';
import { JOB_PRESET_IDS, type JobPresetId } from './jobs';

/** One parameter, declared once: the URL, the Inspector, scenarios and lessons read this table. */
export type ParamSpec =
  | { readonly name: string; readonly type: 'enum'; readonly values: readonly string[]; readonly default: string; readonly label: string; readonly help: string }
  | { readonly name: string; readonly type: 'int' | 'number'; readonly min: number; readonly max: number; readonly default: number; readonly label: string; readonly help: string; readonly optional?: boolean }
  | { readonly name: string; readonly type: 'bool'; readonly default: boolean; readonly label: string; readonly help: string };

/** The scene's parameters. */
export const DISTRIBUTED_PARAMS = [
  { name: 'job', type: 'enum', values: JOB_PRESET_IDS, default: 'wordcount', label: 'Job', help: 'word count, the tutorial\'s 150 TB ETL, a join, or the Beam example' },
  { name: 'machines', type: 'int', min: 1, max: 128, default: 20, label: 'Machines (1–128)', help: 'small machines in racks of 20, plus a driver' },
  { name: 'cores', type: 'int', min: 1, max: 16, default: 4, label: 'Cores per machine (1–16)', help: 'each core runs one task at a time and shares its machine\'s disk and NIC' },
  { name: 'inputGB', type: 'number', min: 0.001, max: 1_000_000, default: 0, optional: true, label: 'Input, GB (empty: the job\'s own)', help: 'bytes read from the distributed file system' },
  { name: 'combiner', type: 'bool', default: true, label: 'Combiner', help: 'sum counts inside each map task before the shuffle' },
  { name: 'straggler', type: 'bool', default: true, label: 'A slow machine (straggler)', help: `one seeded machine runs 5× slower` },
  { name: 'speculative', type: 'bool', default: true, label: 'Speculative backup tasks', help: 'copy a late task to a free core; the first to finish wins' },
  { name: 'failure', type: 'bool', default: false, label: 'A machine fails', help: 'a seeded machine dies mid-map: its running tasks and its map outputs are lost and run again' },
  { name: 'hardware', type: 'enum', values: ['2012', '2020'], default: '2020', label: 'Hardware table', help: 'disk, NIC, round trip and clock from the latency tables' },
  { name: 'price', type: 'number', min: 0.001, max: 1000, default: 0.154, label: 'Price, $ per machine-hour', help: 'the tutorial: an EC2 instance at $0.154/hour' },
] as const satisfies readonly ParamSpec[];

/** Parameters of the distributed scene. */
export interface DistributedParams {
  readonly job: JobPresetId;
  readonly machines: number;
  readonly cores: number;
  /** null: the job's own input size. */
  readonly inputGB: number | null;
  readonly combiner: boolean;
  readonly straggler: boolean;
  readonly speculative: boolean;
  readonly failure: boolean;
  readonly hardware: '2012' | '2020';
  readonly price: number;
}

const DEFAULTS = Object.fromEntries(DISTRIBUTED_PARAMS.map((p) => [p.name, 'optional' in p && p.optional ? null : p.default])) as unknown as DistributedParams;

/** Parses URL/CLI strings by the table; bad values are ignored and reported. */
export function parseDistributedParams(raw: Readonly<Record<string, string>>): { params: DistributedParams; ignored: ParamIssue[] } {
  const out: Record<string, unknown> = { ...DEFAULTS };
  const ignored: ParamIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const spec = (DISTRIBUTED_PARAMS as readonly ParamSpec[]).find((p) => p.name === key);
    if (!spec) {
      ignored.push({ key, reason: 'unknown parameter' });
      continue;
    }
    const text = value.trim();
    if (spec.type === 'enum') {
      if (spec.values.includes(text)) out[key] = text;
      else ignored.push({ key, reason: `${key} must be one of ${spec.values.join(', ')}` });
    } else if (spec.type === 'bool') {
      if (text === 'on' || text === 'true' || text === '1') out[key] = true;
      else if (text === 'off' || text === 'false' || text === '0') out[key] = false;
      else ignored.push({ key, reason: `${key} must be on or off` });
    } else {
      if ((text === '' || text === '0') && 'optional' in spec && spec.optional) {
        out[key] = null;
        continue;
      }
      const n = spec.type === 'int' ? (/^\d+$/.test(text) ? Number(text) : NaN) : text === '' ? NaN : Number(text);
      if (Number.isFinite(n) && n >= spec.min && n <= spec.max) out[key] = n;
      else ignored.push({ key, reason: `${key} must be ${spec.type === 'int' ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}` });
    }
  }
  return { params: out as unknown as DistributedParams, ignored };
}

/** The inverse of {@link parseDistributedParams}. */
export function serializeDistributedParams(p: DistributedParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of DISTRIBUTED_PARAMS as readonly ParamSpec[]) {
    const v = (p as unknown as Record<string, unknown>)[spec.name];
    if (v === null || v === undefined) continue;
    out[spec.name] = typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v);
  }
  return out;
}
/**
 * The table above in the project-wide schema shape (src/sim/core/params.ts), for `nanoscope
 * scenes`, `trace` and scenario checks. The table stays the one declaration: the scene's URL
 * keeps its `on`/`off` and an empty input size (the job's own), which the table's parser reads.
 */
export const DISTRIBUTED_SCHEMA = Object.fromEntries(
  (DISTRIBUTED_PARAMS as readonly ParamSpec[]).map(({ name, ...spec }): [string, SchemaSpec] => [name, spec.type === 'number' && 'optional' in spec && spec.optional ? ({ ...spec, default: null } as unknown as SchemaSpec) : spec]),
) as unknown as ParamSchema<DistributedParams>;

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const distributedManifest: LoadableManifest<DistributedParams, 'distributed', typeof distributedScene> = {
  id: 'distributed',
  title: 'Beyond one machine',
  params: DISTRIBUTED_SCHEMA,
  defaults: DEFAULTS,
  parseParams: parseDistributedParams,
  serializeParams: serializeDistributedParams,
  load: () => import('./scene').then((m) => m.distributedScene),
};
