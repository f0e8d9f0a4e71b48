/** The real run's small log-log charts: measured ms against n, and the model's slope through the last point. */
import type { BigOMeasuredCellResult } from '../../../shared/api';

export interface RealChartLine {
  readonly cell: string;
  /** Measured points as "x,y" pixel pairs. */
  readonly d: string;
  /** The model's slope drawn through the last measured point, back to the first n. */
  readonly model: string;
}

export interface RealChart {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly RealChartLine[];
  readonly x: (n: number) => number;
  readonly y: (ms: number) => number;
  readonly nTicks: readonly number[];
  readonly msTicks: readonly number[];
}

/** Log-log axes fitted to the cells' points (n from 1000; ms decades around the data). */
export function realChart(cells: readonly BigOMeasuredCellResult[], width: number, height: number, font: number): RealChart {
  const left = font * 3.4;
  const bottom = font * 1.6;
  const right = font * 0.8;
  const top = font * 0.5;
  const ns = cells.flatMap((c) => c.points.map((p) => p.n));
  const mss = cells.flatMap((c) => c.points.map((p) => Math.max(p.ms, 1e-4)));
  const n0 = Math.min(1000, ...ns);
  const n1 = Math.max(n0 * 2, ...ns);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...mss)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...mss)));
  const x = (n: number) => left + ((Math.log10(n) - Math.log10(n0)) / (Math.log10(n1) - Math.log10(n0))) * (width - left - right);
  const y = (ms: number) => top + (1 - (Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / Math.max(1e-9, Math.log10(hi) - Math.log10(lo))) * (height - top - bottom);
  const lines = cells.map((c) => {
    const pts = c.points;
    const last = pts.at(-1)!;
    const first = pts[0]!;
    const msAtFirst = last.ms * (first.n / last.n) ** c.modelSlope;
    return {
      cell: c.cell,
      d: pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.n).toFixed(1)},${y(Math.max(p.ms, lo)).toFixed(1)}`).join(''),
      model: `M${x(first.n).toFixed(1)},${y(Math.max(msAtFirst, lo)).toFixed(1)}L${x(last.n).toFixed(1)},${y(last.ms).toFixed(1)}`,
    };
  });
  const msTicks: number[] = [];
  for (let t = lo; t <= hi * 1.0001; t *= 10) msTicks.push(t);
  const nTicks: number[] = [];
  for (let t = 1000; t <= n1; t *= 10) nTicks.push(t);
  return { width, height, lines, x, y, nTicks, msTicks };
}
