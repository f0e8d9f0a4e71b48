/**
 * "Beyond one machine" as the app sees it: the parameters (declared once, as data), the model and
 * a plain view. The job is planned up front ({@link planJob}); the model replays the plan's task
 * starts and ends, phase changes and the failure as events, so the timeline can scrub them. The
 * view derives every task's state from the playhead's time.
 */
import type { Model, SimContext, TraceRecord } from '../core/engine';
import type { SceneDefinition } from '../core/scene';
import { nanos, NS_PER_S } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { getPreset } from '../hardware/presets';
import { planJob, type Attempt, type JobPlan, type Phase } from './cluster';
import { smallMachine } from './hardware';
import { presetJob, type StageSpec } from './jobs';
import { reducersFor, scaling, type Scaling } from './scaling';
import { type DistributedParams, distributedManifest } from './manifest';
export { DISTRIBUTED_PARAMS, parseDistributedParams, serializeDistributedParams, DISTRIBUTED_SCHEMA } from './manifest';
export type { ParamSpec, DistributedParams } from './manifest';

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


/** Beyond one machine. */
export const distributedScene: SceneDefinition<DistributedParams, DistributedState, DistributedEvent, DistributedRecord, DistributedView, 'distributed'> = {
  ...distributedManifest,
  model: (params: DistributedParams, _machine: MachineModel) => distributedModel(params),
  view,
};
