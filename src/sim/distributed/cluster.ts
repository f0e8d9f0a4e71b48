/**
 * The cluster timing model: a job ({@link JobSpec}) on a cluster ({@link ClusterSpec}), planned as a
 * deterministic list schedule in virtual seconds. Map tasks take the earliest free core and prefer a
 * split stored on that machine (node-local), then in its rack (rack-local), then anywhere (remote);
 * map output is spilled to local disk; the shuffle moves every map task's bytes to every reducer,
 * limited by each NIC and each rack's uplink; reducers sort/merge, reduce and write 3 copies.
 * A seeded slow machine (the straggler) runs everything 5× slower; speculative execution starts a
 * backup copy of a late task on a free core and keeps whichever ends first; a machine failure kills
 * its running tasks and loses the map outputs on its disk, which are run again elsewhere.
 */
import { Rng } from '../core/rng';
import type { ClusterSpec } from './hardware';
import type { JobSpec } from './jobs';

export type Locality = 'node' | 'rack' | 'remote';

/** One run of a task on one core. Times in seconds from the job's start. */
export interface Attempt {
  readonly task: number;
  readonly phase: 'map' | 'reduce';
  readonly kind: 'original' | 'backup' | 'rerun';
  readonly machine: number;
  readonly core: number;
  readonly startS: number;
  endS: number;
  /** Where its input came from (map tasks). */
  readonly locality: Locality | null;
  /** killed: lost to the failure or beaten by its twin; lost: finished but its output died with its machine. */
  outcome: 'won' | 'killed' | 'lost';
}

/** A phase of the job on the whole cluster. */
export interface Phase {
  readonly name: 'setup' | 'map' | 'shuffle' | 'reduce' | 'commit';
  readonly startS: number;
  readonly endS: number;
}

export interface PlanOptions {
  readonly seed: number;
  readonly straggler: boolean;
  readonly speculative: boolean;
  readonly failure: boolean;
}

/** The planned run. */
export interface JobPlan {
  readonly attempts: readonly Attempt[];
  readonly phases: readonly Phase[];
  readonly makespanS: number;
  readonly machineHours: number;
  readonly costUsd: number;
  /** Bytes between machines during the shuffle, [from][to] (from = to: stays on the machine). */
  readonly linkBytes: readonly (readonly number[])[];
  readonly shuffleBytes: number;
  readonly crossRackBytes: number;
  /** What limited the shuffle: a NIC, a rack uplink or the round trips. */
  readonly shuffleBound: 'nic' | 'uplink' | 'latency' | 'none';
  readonly locality: Readonly<Record<Locality, number>>;
  readonly stragglerMachine: number | null;
  readonly failedMachine: number | null;
  readonly failAtS: number | null;
  readonly backups: number;
  readonly reruns: number;
  /** Serial seconds (setup + commit): Amdahl's serial part. */
  readonly serialS: number;
  /** Rack of each machine. */
  readonly rackOf: readonly number[];
  /** Reducer j runs on machine reducerMachine[j]. */
  readonly reducerMachine: readonly number[];
}

/** A straggler runs this many times slower (a teaching figure: a failing disk, a noisy neighbour). */
export const STRAGGLER_SLOWDOWN = 5;
/** Hadoop's default parallel copies per reducer (mapreduce.reduce.shuffle.parallelcopies). */
export const PARALLEL_COPIES = 5;
/** A backup starts only for a task expected to end this many times later than a typical task would. */
const SPECULATE_FACTOR = 1.5;

/** Seconds for a map task of `bytes` on a machine: read (by locality), compute, spill. */
function mapSeconds(c: ClusterSpec, job: JobSpec, task: number, locality: Locality, slow: number): number {
  const bytesIn = job.mapInputBytes[task]!;
  const spill = (job.shuffleBytes[task] ?? []).reduce((a, b) => a + b, 0) + job.mapOutputBytes[task]!;
  // a machine's disk and NIC are shared by its cores: each task gets its fair share
  const disk = c.diskBytesPerS / c.coresPerMachine;
  const nic = c.nicBytesPerS / c.coresPerMachine;
  const readRate = locality === 'node' ? disk : Math.min(disk, nic);
  const read = bytesIn / readRate + (locality === 'remote' ? 2 * c.rttS : locality === 'rack' ? c.rttS : 0);
  const cpu = (bytesIn * job.mapCyclesPerByte) / c.clockHz;
  // map-only output goes to the distributed file system: 3 copies, 2 of them over the NIC
  const out = spill / disk + (job.mapOutputBytes[task]! * (Math.min(job.replicas, c.machines) - 1)) / nic;
  return (read + cpu + out) * slow;
}

interface Core {
  machine: number;
  core: number;
  freeAt: number;
}

/** Plans the job; pure and deterministic for a seed. */
export function planJob(c: ClusterSpec, job: JobSpec, options: PlanOptions): JobPlan {
  const rng = new Rng(options.seed);
  const n = c.machines;
  const rackOf = Array.from({ length: n }, (_, m) => Math.floor(m / c.machinesPerRack));
  const racks = rackOf[n - 1]! + 1;
  const stragglerMachine = options.straggler && n > 1 ? rng.int(n) : null;
  const failedMachine = options.failure && n > 1 ? (stragglerMachine === null ? rng.int(n) : (stragglerMachine + 1 + rng.int(n - 1)) % n) : null;
  const slow = (m: number) => (m === stragglerMachine ? STRAGGLER_SLOWDOWN : 1);
  // HDFS placement: first copy on a seeded machine, second in another rack, third beside the second.
  const M = job.mapInputBytes.length;
  const replicas: number[][] = [];
  for (let t = 0; t < M; t++) {
    const first = rng.int(n);
    const set = new Set([first]);
    if (job.replicas > 1 && n > 1) {
      const otherRack = racks > 1 ? (rackOf[first]! + 1 + rng.int(racks - 1)) % racks : rackOf[first]!;
      const inRack = rackOf.map((r, m) => (r === otherRack && !set.has(m) ? m : -1)).filter((m) => m >= 0);
      const second = inRack.length ? inRack[rng.int(inRack.length)]! : (first + 1) % n;
      set.add(second);
      if (job.replicas > 2) {
        const beside = rackOf.map((r, m) => (r === rackOf[second] && !set.has(m) ? m : -1)).filter((m) => m >= 0);
        if (beside.length) set.add(beside[rng.int(beside.length)]!);
      }
    }
    replicas.push([...set]);
  }
  const typical = job.mapInputBytes.length ? mapSeconds(c, job, 0, 'node', 1) : 0;
  const cores: Core[] = [];
  for (let m = 0; m < n; m++) for (let k = 0; k < c.coresPerMachine; k++) cores.push({ machine: m, core: k, freeAt: job.setupS });
  const attempts: Attempt[] = [];
  const pending: number[] = Array.from({ length: M }, (_, t) => t);
  const kindOf = new Array<Attempt['kind']>(M).fill('original');
  const live = new Map<number, Attempt[]>(); // task → its running attempts
  const done = new Map<number, Attempt>(); // task → the attempt that won
  const failAtS = failedMachine === null ? null : job.setupS + typical * Math.max(1, Math.ceil(M / (n * c.coresPerMachine))) * 0.6;
  let failed = false;
  let backups = 0;
  let reruns = 0;
  const locality: Record<Locality, number> = { node: 0, rack: 0, remote: 0 };
  const pick = (m: number): { task: number; loc: Locality } | null => {
    let best = -1;
    let bestLoc: Locality = 'remote';
    const rank = { node: 0, rack: 1, remote: 2 };
    for (let i = 0; i < pending.length; i++) {
      const t = pending[i]!;
      const here = replicas[t]!.filter((r) => !(failed && r === failedMachine));
      const loc: Locality = here.includes(m) ? 'node' : here.some((r) => rackOf[r] === rackOf[m]) ? 'rack' : 'remote';
      if (best < 0 || rank[loc] < rank[bestLoc]) {
        best = i;
        bestLoc = loc;
        if (loc === 'node') break;
      }
    }
    if (best < 0) return null;
    const task = pending.splice(best, 1)[0]!;
    return { task, loc: bestLoc };
  };
  const fail = () => {
    failed = true;
    for (const core of cores) if (core.machine === failedMachine) core.freeAt = Infinity;
    for (const a of attempts) {
      if (a.machine !== failedMachine || a.outcome !== 'won') continue;
      if (a.endS > failAtS!) {
        a.endS = failAtS!;
        a.outcome = 'killed';
        const twins = (live.get(a.task) ?? []).filter((x) => x !== a && x.outcome === 'won');
        live.set(a.task, twins);
        if (twins.length === 0) {
          pending.push(a.task);
          kindOf[a.task] = 'rerun';
        }
      } else {
        // finished, but its output was on the dead machine's disk
        a.outcome = 'lost';
        done.delete(a.task);
        pending.push(a.task);
        kindOf[a.task] = 'rerun';
      }
    }
  };
  for (let guard = 0; guard < 4 * (M + 4) * (cores.length + 2); guard++) {
    let core: Core | undefined;
    for (const x of cores) if (x.freeAt < Infinity && (!core || x.freeAt < core.freeAt)) core = x;
    if (!core) break;
    const t = core.freeAt;
    if (!failed && failAtS !== null && t >= failAtS) {
      fail();
      continue;
    }
    const chosen = pick(core.machine);
    if (chosen) {
      const dur = mapSeconds(c, job, chosen.task, chosen.loc, slow(core.machine));
      const kind = kindOf[chosen.task]!;
      if (kind === 'rerun') reruns++;
      const a: Attempt = { task: chosen.task, phase: 'map', kind, machine: core.machine, core: core.core, startS: t, endS: t + dur, locality: chosen.loc, outcome: 'won' };
      attempts.push(a);
      locality[chosen.loc]++;
      live.set(chosen.task, [a]);
      done.set(chosen.task, a);
      core.freeAt = a.endS;
      continue;
    }
    // Nothing pending: back up the running task expected to end last, if it is late enough.
    let late: Attempt | undefined;
    if (options.speculative) {
      for (const [, runs] of live) {
        if (runs.length !== 1) continue;
        const a = runs[0]!;
        if (a.outcome !== 'won' || a.endS <= t || a.machine === core.machine) continue;
        const elapsed = t - a.startS;
        if (elapsed < typical || a.endS - a.startS < SPECULATE_FACTOR * typical) continue;
        // only a copy expected to finish first is worth a core (as LATE estimates the time left)
        if (t + mapSeconds(c, job, a.task, 'remote', slow(core.machine)) >= a.endS) continue;
        if (!late || a.endS > late.endS) late = a;
      }
    }
    if (late) {
      const dur = mapSeconds(c, job, late.task, 'remote', slow(core.machine));
      const b: Attempt = { task: late.task, phase: 'map', kind: 'backup', machine: core.machine, core: core.core, startS: t, endS: t + dur, locality: 'remote', outcome: 'won' };
      backups++;
      attempts.push(b);
      live.set(late.task, [late, b]);
      const [win, lose] = b.endS < late.endS ? [b, late] : [late, b];
      lose.outcome = 'killed';
      lose.endS = win.endS;
      done.set(late.task, win);
      for (const x of cores) if (x.machine === lose.machine && x.core === lose.core) x.freeAt = win.endS;
      core.freeAt = lose === b ? win.endS : b.endS;
      continue;
    }
    // Nothing to run: sleep until the failure (which brings work back) or until a running task
    // becomes a backup candidate; another core freeing brings no new work.
    let wake = !failed && failAtS !== null ? failAtS : Infinity;
    if (options.speculative) {
      for (const [task, runs] of live) {
        const r = runs[0]!;
        // t never goes back: a task whose attempts all ended is done with for speculation
        if (runs.every((x) => x.endS <= t)) live.delete(task);
        else if (runs.length === 1 && r.outcome === 'won' && r.machine !== core.machine && r.startS + typical > t) wake = Math.min(wake, r.startS + typical);
      }
    }
    core.freeAt = wake;
  }
  const mapEnd = Math.max(job.setupS, ...[...done.values()].map((a) => a.endS));
  // Shuffle: bytes between machines, then the slowest NIC or uplink decides.
  const R = job.shuffleBytes[0]?.length ?? 0;
  const alive = Array.from({ length: n }, (_, m) => m).filter((m) => !(failed && m === failedMachine));
  const reducerMachine = Array.from({ length: R }, (_, j) => alive[j % alive.length]!);
  const linkBytes = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const [task, a] of done) for (let j = 0; j < R; j++) linkBytes[a.machine]![reducerMachine[j]!]! += job.shuffleBytes[task]![j]!;
  let shuffleBytes = 0;
  let crossRackBytes = 0;
  const out = new Array<number>(n).fill(0);
  const inn = new Array<number>(n).fill(0);
  const rackOut = new Array<number>(racks).fill(0);
  const rackIn = new Array<number>(racks).fill(0);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const v = linkBytes[a]![b]!;
      shuffleBytes += v;
      if (a === b || v === 0) continue;
      out[a]! += v;
      inn[b]! += v;
      if (rackOf[a] !== rackOf[b]) {
        crossRackBytes += v;
        rackOut[rackOf[a]!]! += v;
        rackIn[rackOf[b]!]! += v;
      }
    }
  }
  const nicS = Math.max(0, ...out, ...inn) / c.nicBytesPerS;
  const uplinkS = Math.max(0, ...rackOut, ...rackIn) / c.uplinkBytesPerS;
  const latencyS = R > 0 && n > 1 ? Math.ceil(M / PARALLEL_COPIES) * c.rttS : 0;
  const shuffleS = Math.max(nicS, uplinkS) + latencyS;
  const shuffleBound = R === 0 || shuffleS === 0 ? 'none' : latencyS > Math.max(nicS, uplinkS) ? 'latency' : uplinkS > nicS ? 'uplink' : 'nic';
  const shuffleEnd = mapEnd + shuffleS;
  // Reduce: each reducer on its machine's next free core (reducers beyond the cores wait).
  const reduceFree = new Map<string, number>();
  let reduceEnd = shuffleEnd;
  for (let j = 0; j < R; j++) {
    const m = reducerMachine[j]!;
    const bytesIn = job.shuffleBytes.reduce((s, row) => s + row[j]!, 0);
    const disk = c.diskBytesPerS / c.coresPerMachine;
    const nic = c.nicBytesPerS / c.coresPerMachine;
    // what does not fit in a quarter of the core's share of RAM is merged on disk: written once, read once
    const sortS = bytesIn > c.ramBytes / (4 * c.coresPerMachine) ? (2 * bytesIn) / disk : 0;
    const cpuS = (bytesIn * job.reduceCyclesPerByte) / c.clockHz;
    const outS = job.reduceOutputBytes[j]! / disk + (job.reduceOutputBytes[j]! * (Math.min(job.replicas, n) - 1)) / nic;
    const dur = (sortS + cpuS + outS) * slow(m);
    let bestCore = 0;
    let bestAt = Infinity;
    for (let k = 0; k < c.coresPerMachine; k++) {
      const at = reduceFree.get(`${m}:${k}`) ?? shuffleEnd;
      if (at < bestAt) {
        bestAt = at;
        bestCore = k;
      }
    }
    const a: Attempt = { task: j, phase: 'reduce', kind: 'original', machine: m, core: bestCore, startS: bestAt, endS: bestAt + dur, locality: null, outcome: 'won' };
    attempts.push(a);
    reduceFree.set(`${m}:${bestCore}`, a.endS);
    reduceEnd = Math.max(reduceEnd, a.endS);
  }
  const makespanS = reduceEnd + job.commitS;
  const machineHours = ((n > 1 ? n + 1 : 1) * makespanS) / 3600; // a cluster also pays for its driver
  return {
    attempts,
    phases: [
      { name: 'setup', startS: 0, endS: job.setupS },
      { name: 'map', startS: job.setupS, endS: mapEnd },
      { name: 'shuffle', startS: mapEnd, endS: shuffleEnd },
      { name: 'reduce', startS: shuffleEnd, endS: reduceEnd },
      { name: 'commit', startS: reduceEnd, endS: makespanS },
    ],
    makespanS,
    machineHours,
    costUsd: machineHours * c.pricePerHour,
    linkBytes,
    shuffleBytes,
    crossRackBytes,
    shuffleBound,
    locality,
    stragglerMachine,
    failedMachine: failed ? failedMachine : null,
    failAtS: failed ? failAtS : null,
    backups,
    reruns,
    serialS: job.setupS + job.commitS,
    rackOf,
    reducerMachine,
  };
}
