/**
 * Scales, paths and lane layouts of the parallel scene, pure: d3 computes, React renders.
 * The speedup chart (Amdahl, Gustafson, the simulated and the measured points) is log2 on
 * both axes, so perfect scaling is a straight diagonal; the Gantt chart is linear in time.
 */
import { line, scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3';

/** Largest core count on the speedup chart. */
export const MAX_CORES = 64;

export interface SpeedupChart {
  readonly x: ScaleLogarithmic<number, number>;
  readonly y: ScaleLogarithmic<number, number>;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Cores 1..64 across (log2), speedup 0.5..64 up (log2): room below 1 for a measured slowdown. */
export function speedupChart(width: number, height: number, font: number): SpeedupChart {
  const left = font * 2.6;
  const right = width - font * 0.8;
  const top = font * 0.8;
  const bottom = height - font * 2.2;
  return {
    x: scaleLog().base(2).domain([1, MAX_CORES]).range([left, right]).clamp(true),
    y: scaleLog().base(2).domain([0.5, MAX_CORES]).range([bottom, top]).clamp(true),
    left,
    right,
    top,
    bottom,
  };
}

/** Ticks of both axes: the powers of two. */
export const POWERS_OF_TWO = [1, 2, 4, 8, 16, 32, 64] as const;

/** An SVG path through (n, speedup) points on the chart. */
export function curvePath(chart: SpeedupChart, points: readonly { readonly n: number; readonly speedup: number }[]): string {
  return line<{ readonly n: number; readonly speedup: number }>()
    .x((p) => chart.x(p.n))
    .y((p) => chart.y(Math.max(p.speedup, 0.5)))(points) ?? '';
}

/** A colour per task, golden-angle hues so that neighbours differ. */
export function taskColour(task: number): string {
  return `hsl(${Math.round((task * 137.508) % 360)} 62% 52%)`;
}

export interface Interval {
  readonly start: number;
  /** null: still waiting at this step. */
  readonly end: number | null;
}

/**
 * Packs intervals into as few rows as possible (greedy by start: each goes to the first row
 * free by then), at most `maxRows`; the rest share the last row. Returns each interval's row,
 * in input order, and the number of rows used. An open interval (end null) keeps its row busy.
 */
export function packRows(intervals: readonly Interval[], maxRows: number): { rows: number[]; count: number } {
  const order = intervals.map((_, i) => i).sort((a, b) => intervals[a]!.start - intervals[b]!.start || a - b);
  const freeAt: number[] = [];
  const rows = new Array<number>(intervals.length).fill(0);
  for (const i of order) {
    const iv = intervals[i]!;
    let row = freeAt.findIndex((t) => t <= iv.start);
    if (row < 0) row = freeAt.length < maxRows ? freeAt.length : maxRows - 1;
    freeAt[row] = Math.max(freeAt[row] ?? 0, iv.end ?? Infinity);
    rows[i] = row;
  }
  return { rows, count: freeAt.length };
}

export interface GanttLayout {
  readonly x: ScaleLinear<number, number>;
  readonly labelWidth: number;
  readonly laneHeight: number;
  readonly gap: number;
}

/**
 * Time 0..tEnd across the plot. Lanes share `height` (`laneUnits` lane heights' worth of rows
 * plus their gaps), between 1.6 and 4 lines of text each.
 */
export function ganttLayout(width: number, font: number, tEnd: number, height = 0, laneUnits = 1): GanttLayout {
  const labelWidth = font * 7.5;
  const right = width - font * 4.5;
  return {
    x: scaleLinear()
      .domain([0, Math.max(tEnd, 1)])
      .range([labelWidth, Math.max(labelWidth + 10, right)]),
    labelWidth,
    laneHeight: Math.min(font * 4, Math.max(font * 1.6, height / Math.max(1, laneUnits) / 1.2)),
    gap: font * 0.35,
  };
}

/** A segment's x and width, at least a hairline so that short switches stay visible. */
export function segmentBox(x: ScaleLinear<number, number>, start: number, end: number): { x: number; width: number } {
  const x0 = x(start);
  return { x: x0, width: Math.max(1, x(end) - x0) };
}
