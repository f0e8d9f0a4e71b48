/** The growth chart's geometry: cost against n on log-log axes, guide lines O(1)…O(n²), the curves. */
import type { CurvePoint } from '../../../sim/bigo/costs';

/** A guide line: a complexity class, normalised to cost 1 at n = 1. */
export interface Guide {
  readonly id: string;
  readonly label: string;
  readonly f: (n: number) => number;
}

export const GUIDES: readonly Guide[] = [
  { id: 'o1', label: 'O(1)', f: () => 1 },
  { id: 'ologn', label: 'O(log n)', f: (n) => 1 + Math.log2(n) },
  { id: 'on', label: 'O(n)', f: (n) => n },
  { id: 'onlogn', label: 'O(n log n)', f: (n) => n * (1 + Math.log2(n)) },
  { id: 'on2', label: 'O(n²)', f: (n) => n * n },
];

export interface GrowthLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly plotW: number;
  readonly plotH: number;
  readonly x: (n: number) => number;
  readonly y: (cost: number) => number;
  /** Decades on each axis (1, 10, 100, …) that fall inside the ranges. */
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  readonly maxN: number;
  readonly maxCost: number;
}

/** Log-log axes for n = 1..maxN and cost = 1..maxCost (rounded up to a decade). */
export function growthLayout(maxN: number, maxCost: number, width: number, height: number, font: number): GrowthLayout {
  const left = font * 4.2;
  const right = font * 6.5;
  const top = font * 0.8;
  const bottom = font * 2.6;
  const plotW = Math.max(40, width - left - right);
  const plotH = Math.max(40, height - top - bottom);
  const nMax = Math.max(2, maxN);
  const cMax = 10 ** Math.ceil(Math.log10(Math.max(10, maxCost)));
  const x = (n: number) => left + (Math.log10(Math.max(1, n)) / Math.log10(nMax)) * plotW;
  const y = (c: number) => top + plotH - (Math.log10(Math.max(1, c)) / Math.log10(cMax)) * plotH;
  const decades = (max: number) => {
    const out: number[] = [];
    for (let d = 1; d <= max; d *= 10) out.push(d);
    return out;
  };
  const yTicks = decades(cMax);
  // Too many decades crowd the axis: keep every other one.
  return { width, height, left, top, plotW, plotH, x, y, xTicks: decades(nMax), yTicks: yTicks.length > 8 ? yTicks.filter((_, i) => i % 2 === 0) : yTicks, maxN: nMax, maxCost: cMax };
}

/** An SVG path through the points (log-log). */
export function curvePath(points: readonly CurvePoint[], layout: GrowthLayout): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${layout.x(p.n).toFixed(1)},${layout.y(p.cost).toFixed(1)}`).join('');
}

/** A guide line's path, clipped to the plot: sampled at 48 points along n. */
export function guidePath(guide: Guide, layout: GrowthLayout): { d: string; end: { x: number; y: number } } {
  const parts: string[] = [];
  let end = { x: layout.x(1), y: layout.y(1) };
  for (let k = 0; k <= 48; k++) {
    const n = layout.maxN ** (k / 48);
    const c = guide.f(n);
    if (c > layout.maxCost) break;
    end = { x: layout.x(n), y: layout.y(c) };
    parts.push(`${k ? 'L' : 'M'}${end.x.toFixed(1)},${end.y.toFixed(1)}`);
  }
  return { d: parts.join(''), end };
}

/** "1", "1k", "1M", "1G". */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${+(n / 1e9).toPrecision(3)}G`;
  if (n >= 1e6) return `${+(n / 1e6).toPrecision(3)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toPrecision(3)}k`;
  return String(Math.round(n));
}
