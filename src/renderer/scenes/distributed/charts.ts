/** Pure layouts for the distributed stage: units, the Gantt, the scaling chart, the shuffle's links. */
import { scaleLinear, scaleLog } from 'd3';
import type { Attempt } from '../../../sim/distributed/cluster';
import type { Scaling } from '../../../sim/distributed/scaling';

/** Seconds as µs, ms, s, min or h. */
export function formatSeconds(s: number): string {
  if (s === 0) return '0 s';
  if (s < 1e-3) return `${(s * 1e6).toPrecision(3)} µs`;
  if (s < 1) return `${(s * 1e3).toPrecision(3)} ms`;
  if (s < 120) return `${s.toPrecision(3)} s`;
  if (s < 7200) return `${(s / 60).toPrecision(3)} min`;
  return `${(s / 3600).toPrecision(3)} h`;
}

/** Bytes in decimal units (storage and networks count in powers of ten). */
export function formatBytesDecimal(b: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = b;
  let u = 0;
  // 999.7 kB rounds to 1000 kB: move to the next unit instead
  while (u < units.length - 1 && Number(v.toPrecision(3)) >= 1000) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? Math.round(v) : v.toPrecision(3)} ${units[u]}`;
}

/** Dollars with cents, or more digits below a cent. */
export const formatDollars = (d: number): string => (d >= 0.01 ? `$${d.toFixed(2)}` : `$${d.toPrecision(2)}`);

/** What a core is doing at time t. */
export type CoreState = 'idle' | 'map' | 'reduce' | 'backup' | 'rerun' | 'dead';

/** Per machine, per core: the state at `t` (machine-major). */
export function coreStates(attempts: readonly Attempt[], machines: number, cores: number, t: number, failedMachine: number | null, failed: boolean): CoreState[][] {
  const out: CoreState[][] = Array.from({ length: machines }, (_, m) => new Array<CoreState>(cores).fill(failed && m === failedMachine ? 'dead' : 'idle'));
  for (const a of attempts) {
    if (a.startS > t || a.endS <= t) continue;
    const row = out[a.machine];
    if (!row || row[a.core] === 'dead') continue;
    row[a.core] = a.kind === 'backup' ? 'backup' : a.kind === 'rerun' ? 'rerun' : a.phase;
  }
  return out;
}

/** One Gantt bar, in pixels. */
export interface GanttBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly attempt: Attempt;
  readonly index: number;
}

/** Bars for every attempt: a row per machine, a sub-row per core; time 0…makespan across `width`. */
export function ganttLayout(attempts: readonly Attempt[], machines: number, cores: number, makespanS: number, width: number, rowHeight: number): { bars: GanttBar[]; x: (s: number) => number; height: number } {
  const x = scaleLinear().domain([0, Math.max(makespanS, 1e-9)]).range([0, width]);
  const sub = rowHeight / cores;
  const bars = attempts.map((a, index) => ({
    x: x(a.startS),
    y: a.machine * rowHeight + a.core * sub,
    width: Math.max(0.75, x(a.endS) - x(a.startS)),
    height: Math.max(0.75, sub - (sub > 3 ? 1 : 0)),
    attempt: a,
    index,
  }));
  return { bars, x: (s) => x(s), height: machines * rowHeight };
}

/** The scaling chart: log machines across, log seconds up (and dollars on a second log axis). */
export function scalingLayout(s: Scaling, width: number, height: number) {
  const xs = s.points.map((p) => p.machines);
  const seconds = [...s.points.flatMap((p) => [p.seconds, p.amdahlS]), s.big.seconds];
  const dollars = [...s.points.map((p) => p.costUsd), s.big.costUsd];
  const x = scaleLog().domain([Math.min(...xs), Math.max(...xs)]).range([0, width]);
  const y = scaleLog().domain([Math.min(...seconds) / 1.3, Math.max(...seconds) * 1.3]).range([height, 0]);
  const yCost = scaleLog().domain([Math.min(...dollars) / 1.3, Math.max(...dollars) * 1.3]).range([height, 0]);
  const path = (pts: readonly [number, number][]) => pts.map(([a, b], i) => `${i ? 'L' : 'M'}${a.toFixed(1)},${b.toFixed(1)}`).join('');
  return {
    x,
    y,
    yCost,
    time: path(s.points.map((p) => [x(p.machines), y(p.seconds)])),
    amdahl: path(s.points.map((p) => [x(p.machines), y(p.amdahlS)])),
    cost: path(s.points.map((p) => [x(p.machines), yCost(p.costUsd)])),
    bigY: y(s.big.seconds),
    bigCostY: yCost(s.big.costUsd),
    xTicks: xs,
    yTicks: y.ticks(4).filter((_, i, all) => all.length < 8 || i % 2 === 0),
  };
}

/** Groups machines for the shuffle drawing: each machine when few, else each rack. */
export function shuffleNodes(rackOf: readonly number[], maxNodes: number): { groupOf: number[]; labels: string[] } {
  if (rackOf.length <= maxNodes) return { groupOf: rackOf.map((_, m) => m), labels: rackOf.map((_, m) => `m${m}`) };
  const racks = rackOf[rackOf.length - 1]! + 1;
  return { groupOf: [...rackOf], labels: Array.from({ length: racks }, (_, r) => `rack ${r}`) };
}

/** Bytes between node groups (summing machine-to-machine links). */
export function groupLinks(linkBytes: readonly (readonly number[])[], groupOf: readonly number[], groups: number): number[][] {
  const out = Array.from({ length: groups }, () => new Array<number>(groups).fill(0));
  linkBytes.forEach((row, a) => row.forEach((v, b) => (out[groupOf[a]!]![groupOf[b]!]! += v)));
  return out;
}

/** Where each input split is at time t: waiting in storage, being mapped, mapped, or lost with its machine. */
export type SplitState = 'waiting' | 'mapping' | 'mapped' | 'lost';

export function splitStates(attempts: readonly Attempt[], splits: number, t: number, failAtS: number | null): SplitState[] {
  const out = new Array<SplitState>(splits).fill('waiting');
  for (const a of attempts) {
    if (a.phase !== 'map' || a.startS > t) continue;
    const cur = out[a.task]!;
    if (a.endS <= t && a.outcome !== 'killed') {
      // a finished output on the failed machine is gone once the machine is
      const gone = a.outcome === 'lost' && failAtS !== null && t >= failAtS;
      if (!gone) out[a.task] = 'mapped';
      else if (cur !== 'mapped') out[a.task] = 'lost';
    } else if (a.endS > t && cur !== 'mapped') out[a.task] = 'mapping';
  }
  return out;
}
