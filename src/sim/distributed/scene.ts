/**
 * "Beyond one machine" as the app sees it: the parameters (declared once, as data), the model and
 * a plain view. The job is planned up front ({@link planJob}); the model replays the plan's task
 * starts and ends, phase changes and the failure as events, so the timeline can scrub them. The
 * view derives every task's state from the playhead's time.
 */
import type { Model, SimContext, TraceRecord } from '../core/engine';
import type { ParamIssue, SceneDefinition } from '../core/scene';
import type { ParamSchema, ParamSpec as SchemaSpec } from '../core/params';
import { nanos, NS_PER_S } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { getPreset } from '../hardware/presets';
import { planJob, type Attempt, type JobPlan, type Phase } from './cluster';
import { smallMachine } from './hardware';
import { JOB_PRESET_IDS, presetJob, type JobPresetId, type StageSpec } from './jobs';
import { reducersFor, scaling, type Scaling } from './scaling';

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

/** A task attempt starts or ends; a phase begins; the machine fails. */
export type DistributedRecord =
  | (TraceRecord & { readonly kind: 'task-start'; readonly attempt: number; readonly machine: number; readonly phase: 'map' | 'reduce'; readonly task: number; readonly attemptKind: Attempt['kind'] })
  | (TraceRecord & { readonly kind: 'task-end'; readonly attempt: number; readonly machine: number; readonly outcome: Attempt['outcome'] })
  | (TraceRecord & { readonly kind: 'phase'; readonly phase: Phase['name'] | 'done' })
  | (TraceRecord & { readonly kind: 'failure'; readonly machine: number });

export type DistributedEvent = { readonly type: 'start' | 'end'; readonly attempt: number } | { readonly type: 'phase'; readonly phase: number } | { readonly type: 'fail' };

/** Everything computed once per parameter set (shared by every state). */
export interface DistributedPlan {
  readonly params: DistributedParams;
  readonly plan: JobPlan;
  /** The same job with the combiner flipped, for the side-by-side. */
  readonly other: JobPlan;
  readonly scaling: Scaling;
  readonly label: string;
  readonly clusterLabel: string;
  readonly stages: readonly StageSpec[];
  readonly sources: readonly string[];
  readonly mapTasks: number;
  readonly reducers: number;
  readonly inputBytes: number;
}

/** The model state: the plan and the counters so far. */
export interface DistributedState {
  readonly fixed: DistributedPlan;
  tS: number;
  phase: Phase['name'] | 'done';
  mapsDone: number;
  reducesDone: number;
  backupsStarted: number;
  rerunsStarted: number;
  failed: boolean;
}

/** Builds the plan for a parameter set. Exposed for tests and the CLI. */
export function planScene(params: DistributedParams, seed: number): DistributedPlan {
  const machine = getPreset(params.hardware)!;
  const cluster = smallMachine(machine, params.machines, params.cores, 20, params.price);
  const reducers = params.job === 'etl' ? 0 : reducersFor(params.machines, params.cores);
  const inputBytes = params.inputGB === null ? undefined : params.inputGB * 1e9;
  const job = presetJob(params.job, { combiner: params.combiner, reducers, inputBytes });
  const options = { seed, straggler: params.straggler, speculative: params.speculative, failure: params.failure };
  const plan = planJob(cluster, job, options);
  const other = planJob(cluster, presetJob(params.job, { combiner: !params.combiner, reducers, inputBytes }), options);
  const scale = scaling(machine, (n, cores) => presetJob(params.job, { combiner: params.combiner, reducers: params.job === 'etl' ? 0 : reducersFor(n, cores), inputBytes }), params.cores, params.price);
  return {
    params,
    plan,
    other,
    scaling: scale,
    label: job.label,
    clusterLabel: `${cluster.label} in ${plan.rackOf[plan.rackOf.length - 1]! + 1} rack${plan.rackOf[plan.rackOf.length - 1]! > 0 ? 's' : ''} + a driver, ${machine.name}`,
    stages: job.stages,
    sources: [...cluster.sources, ...job.notes, 'straggler 5× slower; Hadoop\'s 5 parallel copies per reducer; HDFS 3 replicas (first on a seeded machine, second in another rack, third beside it)'],
    mapTasks: job.mapInputBytes.length,
    reducers,
    inputBytes: job.mapInputBytes.reduce((a, b) => a + b, 0),
  };
}

const ns = (s: number) => nanos(Math.round(s * NS_PER_S));

/** The model for a parameter set (the machine preset is the scene's own `hardware` parameter). */
export function distributedModel(params: DistributedParams): Model<DistributedState, DistributedEvent, DistributedRecord> {
  return {
    init(ctx) {
      const fixed = planScene(params, ctx.rng.nextU32() || 1);
      const { plan } = fixed;
      plan.phases.forEach((p, i) => ctx.schedule(ns(p.startS), { type: 'phase', phase: i }, 0));
      ctx.schedule(ns(plan.makespanS), { type: 'phase', phase: plan.phases.length }, 3);
      plan.attempts.forEach((a, i) => {
        ctx.schedule(ns(a.startS), { type: 'start', attempt: i }, 2);
        ctx.schedule(ns(a.endS), { type: 'end', attempt: i }, 1);
      });
      if (plan.failAtS !== null) ctx.schedule(ns(plan.failAtS), { type: 'fail' }, 0);
      return { fixed, tS: 0, phase: 'setup', mapsDone: 0, reducesDone: 0, backupsStarted: 0, rerunsStarted: 0, failed: false };
    },
    handle,
    clone: (s) => ({ ...s }),
  };
}

function handle(s: DistributedState, ev: DistributedEvent, ctx: SimContext<DistributedEvent, DistributedRecord>): void {
  const t = ctx.now;
  s.tS = t / NS_PER_S;
  const { plan } = s.fixed;
  if (ev.type === 'phase') {
    s.phase = plan.phases[ev.phase]?.name ?? 'done';
    ctx.emit({ t, kind: 'phase', phase: s.phase });
    return;
  }
  if (ev.type === 'fail') {
    s.failed = true;
    // map outputs on the dead machine's disk are gone: those tasks are no longer done
    s.mapsDone -= plan.attempts.filter((a) => a.outcome === 'lost').length;
    ctx.emit({ t, kind: 'failure', machine: plan.failedMachine! });
    return;
  }
  const a = plan.attempts[ev.attempt]!;
  if (ev.type === 'start') {
    if (a.kind === 'backup') s.backupsStarted++;
    if (a.kind === 'rerun') s.rerunsStarted++;
    ctx.emit({ t, kind: 'task-start', attempt: ev.attempt, machine: a.machine, phase: a.phase, task: a.task, attemptKind: a.kind });
  } else {
    if (a.outcome !== 'killed' && a.phase === 'map') s.mapsDone++;
    if (a.outcome === 'won' && a.phase === 'reduce') s.reducesDone++;
    ctx.emit({ t, kind: 'task-end', attempt: ev.attempt, machine: a.machine, outcome: a.outcome });
  }
}

/** What the renderer draws. Times in seconds, sizes in bytes, money in dollars. */
export interface DistributedView {
  readonly params: DistributedParams;
  readonly label: string;
  readonly clusterLabel: string;
  readonly tS: number;
  readonly phase: Phase['name'] | 'done';
  readonly phases: readonly Phase[];
  readonly makespanS: number;
  readonly costUsd: number;
  readonly machineHours: number;
  readonly rackOf: readonly number[];
  readonly coresPerMachine: number;
  readonly attempts: readonly Attempt[];
  readonly mapTasks: number;
  readonly reducers: number;
  readonly inputBytes: number;
  readonly mapsDone: number;
  readonly reducesDone: number;
  readonly backupsStarted: number;
  readonly rerunsStarted: number;
  readonly stragglerMachine: number | null;
  readonly failedMachine: number | null;
  readonly failed: boolean;
  readonly failAtS: number | null;
  readonly locality: JobPlan['locality'];
  /** Shuffle bytes between machines, [from][to], and the part moved by now. */
  readonly linkBytes: readonly (readonly number[])[];
  readonly reducerMachine: readonly number[];
  readonly shuffleBytes: number;
  readonly shuffledBytes: number;
  readonly crossRackBytes: number;
  readonly shuffleBound: JobPlan['shuffleBound'];
  readonly combinerSides: readonly { readonly combiner: boolean; readonly shuffleBytes: number; readonly makespanS: number; readonly costUsd: number; readonly shuffleS: number }[];
  readonly scaling: Scaling;
  readonly stages: readonly StageSpec[];
  readonly sources: readonly string[];
}

const phaseS = (plan: JobPlan, name: string): number => {
  const p = plan.phases.find((x) => x.name === name)!;
  return p.endS - p.startS;
};

function view(s: DistributedState): DistributedView {
  const { fixed } = s;
  const { plan, other } = fixed;
  const t = s.tS;
  const shuffle = plan.phases.find((p) => p.name === 'shuffle')!;
  const moved = t >= shuffle.endS ? 1 : t <= shuffle.startS ? 0 : (t - shuffle.startS) / (shuffle.endS - shuffle.startS);
  const side = (p: JobPlan, combiner: boolean) => ({ combiner, shuffleBytes: p.shuffleBytes, makespanS: p.makespanS, costUsd: p.costUsd, shuffleS: phaseS(p, 'shuffle') });
  const sides = [side(plan, fixed.params.combiner), side(other, !fixed.params.combiner)].sort((a, b) => Number(a.combiner) - Number(b.combiner));
  return {
    params: fixed.params,
    label: fixed.label,
    clusterLabel: fixed.clusterLabel,
    tS: t,
    phase: s.phase,
    phases: plan.phases,
    makespanS: plan.makespanS,
    costUsd: plan.costUsd,
    machineHours: plan.machineHours,
    rackOf: plan.rackOf,
    coresPerMachine: fixed.params.cores,
    attempts: plan.attempts,
    mapTasks: fixed.mapTasks,
    reducers: fixed.reducers,
    inputBytes: fixed.inputBytes,
    mapsDone: s.mapsDone,
    reducesDone: s.reducesDone,
    backupsStarted: s.backupsStarted,
    rerunsStarted: s.rerunsStarted,
    stragglerMachine: plan.stragglerMachine,
    failedMachine: plan.failedMachine,
    failed: s.failed,
    failAtS: plan.failAtS,
    locality: plan.locality,
    linkBytes: plan.linkBytes,
    reducerMachine: plan.reducerMachine,
    shuffleBytes: plan.shuffleBytes,
    shuffledBytes: plan.shuffleBytes * moved,
    crossRackBytes: plan.crossRackBytes,
    shuffleBound: plan.shuffleBound,
    combinerSides: sides,
    scaling: fixed.scaling,
    stages: fixed.stages,
    sources: fixed.sources,
  };
}

/**
 * The table above in the project-wide schema shape (src/sim/core/params.ts), for `nanoscope
 * scenes`, `trace` and scenario checks. The table stays the one declaration: the scene's URL
 * keeps its `on`/`off` and an empty input size (the job's own), which the table's parser reads.
 */
export const DISTRIBUTED_SCHEMA = Object.fromEntries(
  (DISTRIBUTED_PARAMS as readonly ParamSpec[]).map(({ name, ...spec }): [string, SchemaSpec] => [name, spec.type === 'number' && 'optional' in spec && spec.optional ? ({ ...spec, default: null } as unknown as SchemaSpec) : spec]),
) as unknown as ParamSchema<DistributedParams>;

/** Beyond one machine. */
export const distributedScene: SceneDefinition<DistributedParams, DistributedState, DistributedEvent, DistributedRecord, DistributedView, 'distributed'> = {
  id: 'distributed',
  title: 'Beyond one machine',
  params: DISTRIBUTED_SCHEMA,
  defaults: DEFAULTS,
  parseParams: parseDistributedParams,
  serializeParams: serializeDistributedParams,
  model: (params: DistributedParams, _machine: MachineModel) => distributedModel(params),
  view,
};
