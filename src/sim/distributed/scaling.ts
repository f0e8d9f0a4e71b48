/**
 * Scaling out vs up: the same job planned on 1…N small machines, Amdahl's law from its serial part,
 * one big machine, and the price of each; plus the timing model of `nanoscope mapreduce`'s own input.
 */
import type { MachineModel } from '../hardware/types';
import { planJob, type JobPlan } from './cluster';
import { bigMachine, smallMachine, type ClusterSpec } from './hardware';
import { presetJob, type JobPresetId, type JobSpec } from './jobs';
import type { WordCountResult } from './wordcount';

/** One point of the scaling chart. */
export interface ScalingPoint {
  readonly machines: number;
  readonly seconds: number;
  readonly costUsd: number;
  /** Amdahl's prediction from the 1-machine time and the serial seconds. */
  readonly amdahlS: number;
  /** The shuffle's seconds at this size (the network's share). */
  readonly shuffleS: number;
}

/** The whole comparison. */
export interface Scaling {
  readonly points: readonly ScalingPoint[];
  readonly big: { readonly seconds: number; readonly costUsd: number; readonly label: string };
  /** Amdahl's serial fraction at 1 machine. */
  readonly serialFraction: number;
  /** The fewest small machines that beat the big one, or null. */
  readonly breakEven: number | null;
}

/** Machine counts on the chart. */
export const SCALING_SIZES = [1, 2, 4, 8, 16, 32, 62, 64, 128] as const;

const quiet = { seed: 1, straggler: false, speculative: false, failure: false } as const;

/** Time and cost of `jobFor(n)` on 1…128 small machines and on one big machine. */
export function scaling(machine: MachineModel, jobFor: (machines: number, cores: number) => JobSpec, coresPerMachine: number, pricePerHour: number, sizes: readonly number[] = SCALING_SIZES): Scaling {
  const plans = sizes.map((n) => ({ n, plan: planJob(smallMachine(machine, n, coresPerMachine, 20, pricePerHour), jobFor(n, coresPerMachine), quiet) }));
  const t1 = plans[0]!.plan;
  const serialFraction = t1.serialS / t1.makespanS;
  const big = bigMachine(machine);
  const bigPlan = planJob(big, jobFor(1, big.coresPerMachine), quiet);
  const points = plans.map(({ n, plan }) => ({
    machines: n,
    seconds: plan.makespanS,
    costUsd: plan.costUsd,
    amdahlS: t1.makespanS * (serialFraction + (1 - serialFraction) / n),
    shuffleS: phaseS(plan, 'shuffle'),
  }));
  const beat = points.find((p) => p.seconds < bigPlan.makespanS);
  return { points, big: { seconds: bigPlan.makespanS, costUsd: bigPlan.costUsd, label: big.label }, serialFraction, breakEven: beat ? beat.machines : null };
}

/** Seconds of one phase of a plan. */
export const phaseS = (plan: JobPlan, name: string): number => {
  const p = plan.phases.find((x) => x.name === name);
  return p ? p.endS - p.startS : 0;
};

/** Reducers for a cluster: two per machine's cores at most 64… the usual rule of thumb, bounded. */
export const reducersFor = (machines: number, cores: number): number => Math.max(1, Math.min(256, machines * cores));

/** A preset job sized to a cluster. */
export function presetJobFor(id: JobPresetId, combiner: boolean, inputBytes?: number): (machines: number, cores: number) => JobSpec {
  return (machines, cores) => presetJob(id, { combiner, reducers: id === 'etl' ? 0 : reducersFor(machines, cores), inputBytes });
}

/** The timing model's fields added to `nanoscope mapreduce --json` (names in snake_case like the contract). */
export interface JobTiming {
  readonly cluster: string;
  readonly machines: number;
  readonly makespan_s: number;
  readonly cost_usd: number;
  readonly phases: readonly { readonly name: string; readonly seconds: number }[];
  readonly cross_rack_bytes: number;
  readonly shuffle_bound: string;
  readonly sources: readonly string[];
}

/**
 * The word count of `nanoscope mapreduce` on a simulated cluster: one 1-core machine per mapper
 * (reducer j on machine j mod M), 2012 hardware, 20 machines per rack; the bytes per map task and
 * per shuffle link are this input's own.
 */
export function modelForCounts(result: WordCountResult, mapperInputBytes: readonly number[], machine: MachineModel, seed: number): JobTiming {
  const cluster: ClusterSpec = smallMachine(machine, result.mappers, 1);
  const job: JobSpec = {
    ...presetJob('wordcount', { combiner: result.combiner, reducers: result.reducers, mapTasks: result.mappers, inputBytes: result.input_bytes }),
    mapInputBytes: mapperInputBytes,
    shuffleBytes: result.matrix_bytes,
    reduceOutputBytes: result.per_reducer.map((r) => r.output_records * 12),
    // a CLI run is small: the setup and commit of a real cluster (10 s + 5 s) would hide everything
    setupS: 0,
    commitS: 0,
    replicas: Math.min(3, result.mappers),
  };
  const plan = planJob(cluster, job, { seed, straggler: false, speculative: false, failure: false });
  return {
    cluster: `${cluster.label}, ${machine.name}`,
    machines: cluster.machines,
    makespan_s: plan.makespanS,
    cost_usd: plan.costUsd,
    phases: plan.phases.filter((p) => p.name !== 'setup' && p.name !== 'commit').map((p) => ({ name: p.name, seconds: p.endS - p.startS })),
    cross_rack_bytes: plan.crossRackBytes,
    shuffle_bound: plan.shuffleBound,
    sources: [...cluster.sources, ...job.notes],
  };
}
