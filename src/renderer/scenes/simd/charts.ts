/**
 * The vectorization scene's charts as pure layouts: the roofline (log-log: arithmetic
 * intensity on x, flop/s on y, one bandwidth roof per memory level, the peak lines) and
 * horizontal bars on a log axis (speedups, measured GB/s). d3 computes, React renders.
 */
import { scaleLog, type ScaleLogarithmic } from 'd3';

/** Powers of ten from below the smallest to above the largest positive value. */
export function decadeDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [1, 10];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  return [lo, hi > lo ? hi : lo * 10];
}

/** Exact powers of ten in a decade domain, every `step`-th. */
export function decadeTicks(domain: readonly [number, number], step = 1): number[] {
  const first = Math.round(Math.log10(domain[0]));
  const decades = Math.round(Math.log10(domain[1] / domain[0]));
  const ticks: number[] = [];
  for (let k = 0; k <= decades; k += step) ticks.push(Number(`1e${first + k}`));
  return ticks;
}

export interface RoofInput {
  readonly level: string;
  /** bytes/s */
  readonly bandwidth: number;
}

export interface RooflinePoint {
  readonly id: string;
  readonly label: string;
  /** flop/byte */
  readonly intensity: number;
  /** flop/s */
  readonly flops: number;
}

export interface RooflineLayout {
  readonly x: ScaleLogarithmic<number, number>;
  readonly y: ScaleLogarithmic<number, number>;
  readonly roofs: readonly { readonly level: string; readonly d: string; readonly labelX: number; readonly labelY: number }[];
  readonly peaks: readonly { readonly id: string; readonly label: string; readonly d: string; readonly y: number }[];
  readonly points: readonly (RooflinePoint & { readonly cx: number; readonly cy: number })[];
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
}

/** Intensities drawn: 1/64 to 64 flop/byte. */
export const INTENSITY_DOMAIN: [number, number] = [1 / 64, 64];

/**
 * A roofline: roof of bandwidth B is min(peak, I × B); `peaks` are horizontal lines (the SIMD
 * peak and the scalar one). Points below the domain are clamped to its floor.
 */
export function rooflineLayout(
  roofs: readonly RoofInput[],
  peaks: readonly { id: string; label: string; flops: number }[],
  points: readonly RooflinePoint[],
  width: number,
  height: number,
  font: number,
): RooflineLayout {
  const plot = { left: font * 4.2, top: font * 0.8, right: Math.max(font * 6, width - font * 0.8), bottom: Math.max(font * 4, height - font * 2.6) };
  const top = Math.max(...peaks.map((p) => p.flops));
  const [lo, hi] = decadeDomain([...points.map((p) => p.flops), top * 1.5, top / 1e4]);
  const x = scaleLog().domain(INTENSITY_DOMAIN).range([plot.left, plot.right]);
  const y = scaleLog().domain([lo, hi]).range([plot.bottom, plot.top]).clamp(true);
  const [i0, i1] = INTENSITY_DOMAIN;
  const roofPaths = roofs.map((r) => {
    // From where the slope enters the plot (at i0 or at the floor) to the ridge, then flat.
    const start = Math.max(i0, lo / r.bandwidth);
    const ridge = top / r.bandwidth;
    const pts: [number, number][] = [[start, start * r.bandwidth]];
    if (ridge < i1) pts.push([ridge, top], [i1, top]);
    else pts.push([i1, i1 * r.bandwidth]);
    const d = pts.map(([i, f], k) => `${k ? 'L' : 'M'}${x(i).toFixed(1)},${y(f).toFixed(1)}`).join('');
    // Labelled under the peak line, just right of its ridge (ridges are a factor 2+ apart).
    const at = Math.min(ridge, i1);
    return { level: r.level, d, labelX: x(at) + font * 0.25, labelY: y(at * r.bandwidth) + font * 1.1 };
  });
  const peakLines = peaks.map((p) => ({ id: p.id, label: p.label, d: `M${plot.left.toFixed(1)},${y(p.flops).toFixed(1)}H${plot.right.toFixed(1)}`, y: y(p.flops) }));
  const placed = points.map((p) => ({ ...p, cx: x(Math.min(i1, Math.max(i0, p.intensity))), cy: y(Math.max(lo, p.flops)) }));
  const yDecades = Math.round(Math.log10(hi / lo));
  const yStep = Math.max(1, Math.ceil(yDecades / Math.max(2, Math.floor((plot.bottom - plot.top) / (font * 1.6)))));
  const xTicks = [1 / 64, 1 / 16, 1 / 4, 1, 4, 16, 64].filter((_, k) => width > font * 30 || k % 2 === 0);
  return { x, y, roofs: roofPaths, peaks: peakLines, points: placed, xTicks, yTicks: decadeTicks([lo, hi], yStep), plot };
}

export interface LogBar {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** A second value drawn as a tick over the bar (the model's prediction). */
  readonly mark?: number;
  readonly className?: string;
  /** A heading drawn above this bar (the first of a group). */
  readonly group?: string;
}

export interface LogBarsLayout {
  readonly x: ScaleLogarithmic<number, number>;
  readonly rows: readonly (LogBar & { readonly y: number; readonly width: number; readonly markX: number | null })[];
  readonly ticks: readonly number[];
  readonly labelWidth: number;
  readonly barHeight: number;
  readonly axisY: number;
  readonly height: number;
}

/** Horizontal bars from the left of a log axis; `gaps` puts extra space before those row indices; `extra` values widen the domain. */
export function logBarsLayout(bars: readonly LogBar[], width: number, font: number, opts: { labelEm?: number; valueEm?: number; gapEm?: number; gaps?: readonly number[]; extra?: readonly number[] } = {}): LogBarsLayout {
  const labelWidth = font * (opts.labelEm ?? 7);
  const rowH = font * 1.55;
  const barHeight = font * 1.1;
  const domain = decadeDomain([...bars.flatMap((b) => [b.value, b.mark ?? b.value]), ...(opts.extra ?? [])]);
  const x = scaleLog().domain(domain).range([labelWidth, Math.max(labelWidth + 10, width - font * (opts.valueEm ?? 4))]).clamp(true);
  let yAt = font * 0.3;
  const rows = bars.map((b, i) => {
    if (opts.gaps?.includes(i) && (i > 0 || opts.gapEm !== undefined)) yAt += font * (opts.gapEm ?? 0.7);
    const row = { ...b, y: yAt, width: Math.max(1, x(Math.max(b.value, domain[0])) - labelWidth), markX: b.mark !== undefined && b.mark > 0 ? x(b.mark) : null };
    yAt += rowH;
    return row;
  });
  const decades = Math.round(Math.log10(domain[1] / domain[0]));
  const step = Math.max(1, Math.ceil(decades / Math.max(1, Math.floor((width - labelWidth - font * (opts.valueEm ?? 4)) / (font * 3.5)))));
  const axisY = yAt + font * 0.1;
  return { x, rows, ticks: decadeTicks(domain, step), labelWidth, barHeight, axisY, height: axisY + font * 1.5 };
}

/** "1/64", "1/4", "1", "16": intensity ticks. */
export function formatIntensity(i: number): string {
  return i >= 1 ? String(Math.round(i)) : `1/${Math.round(1 / i)}`;
}
