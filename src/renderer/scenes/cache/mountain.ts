/**
 * The memory mountain: a grid of (working set, stride) cells, the simulator's simple
 * prediction for a machine, and the heat-map geometry (d3 computes, React renders).
 */
import { scaleBand, scaleSequentialLog, interpolateViridis, type ScaleBand, type ScaleSequential } from 'd3';
import type { MachineModel } from '../../../sim/hardware/types';
import type { MemoryMountainPoint } from '../../../shared/api';

/** A level the prediction reads from: its size (Infinity for memory), line and latency with where it came from. */
export interface PredictionLevel {
  readonly name: string;
  readonly bytes: number;
  readonly lineBytes: number;
  readonly ns: number;
  readonly source: string;
}

/**
 * The levels of a machine's data path with a latency for each. A level without a figure
 * takes the fallback machine's figure for the same level; a level neither has (the ~2020
 * table gives no L3) takes the geometric mean of its neighbours, and says so.
 */
export function predictionLevels(machine: MachineModel, fallback: MachineModel): PredictionLevel[] {
  const data = machine.caches.filter((c) => c.type !== 'Instruction');
  const fallbackData = fallback.caches.filter((c) => c.type !== 'Instruction');
  const memoryNs = machine.memory.latency ?? fallback.memory.latency;
  const memory: PredictionLevel = {
    name: 'memory',
    bytes: Infinity,
    lineBytes: data.at(-1)?.lineBytes ?? 64,
    ns: memoryNs?.value ?? 100,
    source: memoryNs ? `${memoryNs === machine.memory.latency ? '' : 'stand-in: '}${memoryNs.source}` : 'stand-in: 100 ns',
  };
  const known = data.map((c, i) => {
    const own = c.latency;
    const other = fallbackData.find((f) => f.level === c.level)?.latency ?? (i < fallbackData.length ? fallbackData[i]?.latency : undefined);
    const figure = own ?? other;
    return figure ? { ns: figure.value as number, source: own ? figure.source : `stand-in: ${figure.source}` } : null;
  });
  const levels: PredictionLevel[] = data.map((c, i) => {
    const figure = known[i];
    if (figure) return { name: `L${c.level}`, bytes: c.sizeBytes, lineBytes: c.lineBytes, ns: figure.ns, source: figure.source };
    const above = known.slice(0, i).reverse().find((k) => k !== null)?.ns ?? 1;
    const below = known.slice(i + 1).find((k) => k !== null)?.ns ?? memory.ns;
    return { name: `L${c.level}`, bytes: c.sizeBytes, lineBytes: c.lineBytes, ns: Math.sqrt(above * below), source: 'stand-in: geometric mean of the levels around it' };
  });
  return [...levels, memory];
}

/**
 * Predicted read bandwidth, GB/s, of summing every `stride`-th `elementBytes`-byte element of
 * a `bytes` working set, read again and again. The set lives in the first level it fits in.
 * A latency-only model: every access waits for the one before (no prefetching, no overlapping
 * misses). Of the k = max(1, ⌊line ÷ (stride × element)⌋) accesses that fall in one L1 line,
 * the first waits for the level holding the set and the other k − 1 hit L1, so
 * time per access = (t_level + (k − 1) × t_L1) ÷ k and GB/s = element bytes ÷ ns per access.
 */
export function predictBandwidth(levels: readonly PredictionLevel[], bytes: number, stride: number, elementBytes = 8): number {
  const l1 = levels[0];
  if (!l1) return NaN;
  const home = levels.find((l) => bytes <= l.bytes) ?? levels.at(-1)!;
  if (home === l1) return elementBytes / l1.ns;
  const k = Math.max(1, Math.floor(l1.lineBytes / (stride * elementBytes)));
  const ns = (home.ns + (k - 1) * l1.ns) / k;
  return elementBytes / ns;
}

/** The distinct sizes and strides of a measurement, ascending, and a cell lookup. */
export function mountainGrid(points: readonly MemoryMountainPoint[]): { sizes: number[]; strides: number[]; at(bytes: number, stride: number): number | undefined } {
  const sizes = [...new Set(points.map((p) => p.bytes))].sort((a, b) => a - b);
  const strides = [...new Set(points.map((p) => p.stride))].sort((a, b) => a - b);
  const cells = new Map(points.map((p) => [`${p.bytes}/${p.stride}`, p.gbPerS]));
  return { sizes, strides, at: (bytes, stride) => cells.get(`${bytes}/${stride}`) };
}

export interface HeatMapLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
  readonly x: ScaleBand<number>;
  readonly y: ScaleBand<number>;
  readonly color: ScaleSequential<string>;
  /** x of the boundary just after a working set of `bytes` (a cache of that size ends there), or null when off the map. */
  boundaryX(bytes: number): number | null;
}

/** Geometry of one heat map: sizes across (log2 bands), strides down (1 at the top), a shared colour domain (GB/s, log). */
export function heatMapLayout(width: number, height: number, font: number, sizes: readonly number[], strides: readonly number[], domain: readonly [number, number]): HeatMapLayout {
  const left = font * 3.2;
  const top = font * 2.9;
  const bottom = height - font * 3.2;
  const x = scaleBand<number>().domain(sizes).range([left, width - font * 0.6]).paddingInner(0.04);
  const y = scaleBand<number>().domain(strides).range([top, bottom]).paddingInner(0.06);
  const lo = Math.max(1e-3, domain[0]);
  const hi = Math.max(lo * 1.01, domain[1]);
  const color = scaleSequentialLog(interpolateViridis).domain([lo, hi]).clamp(true);
  const boundaryX = (bytes: number): number | null => {
    const index = sizes.findIndex((s) => s >= bytes);
    if (index < 0) return null;
    const size = sizes[index]!;
    const start = x(size)!;
    // A cache of exactly this size holds this working set: its edge is after the band.
    if (size === bytes) return index === sizes.length - 1 ? null : start + x.bandwidth() + (x.step() - x.bandwidth()) / 2;
    return index === 0 ? null : start - (x.step() - x.bandwidth()) / 2 - x.bandwidth() * (1 - Math.log2(bytes / sizes[index - 1]!));
  };
  return { width, height, left, top, bottom, x, y, color, boundaryX };
}
