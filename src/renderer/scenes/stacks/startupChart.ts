/**
 * Start-up bars on one log axis: the measured kinds (a call, a worker_thread, a process, a
 * runtime) and the model's documented boot magnitudes (microVM, container, VM), so that six
 * or more orders of magnitude sit side by side. Pure: d3 computes, React renders.
 */
import { scaleLog, type ScaleLogarithmic } from 'd3';

export interface StartupBar {
  readonly id: string;
  readonly label: string;
  readonly ms: number;
  /** Measured on this machine, or a documented magnitude from the model. */
  readonly measured: boolean;
  /** 90th percentile of the measured runs, drawn as a whisker. */
  readonly p90Ms?: number;
}

export interface StartupChartLayout {
  readonly x: ScaleLogarithmic<number, number>;
  readonly rows: readonly (StartupBar & { readonly y: number; readonly width: number; readonly whiskerX: number | null })[];
  readonly ticks: readonly number[];
  readonly labelWidth: number;
  readonly barHeight: number;
  readonly axisY: number;
  readonly height: number;
}

/** Powers of ten from below the smallest to above the largest value. */
export function decadeDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [1e-3, 1];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  return [lo, hi > lo ? hi : lo * 10];
}

export function startupChartLayout(bars: readonly StartupBar[], width: number, font: number): StartupChartLayout {
  const labelWidth = font * 7.5;
  const rowH = font * 2;
  const barHeight = font * 1.2;
  const domain = decadeDomain(bars.flatMap((b) => [b.ms, b.p90Ms ?? b.ms]));
  const x = scaleLog()
    .domain(domain)
    .range([labelWidth, Math.max(labelWidth + 10, width - font * 4.5)]);
  const rows = bars.map((b, i) => ({
    ...b,
    y: font * 0.4 + i * rowH,
    width: Math.max(1, x(Math.max(b.ms, domain[0])) - labelWidth),
    whiskerX: b.p90Ms !== undefined ? x(Math.max(b.p90Ms, domain[0])) : null,
  }));
  const decades = Math.round(Math.log10(domain[1] / domain[0]));
  const step = Math.max(1, Math.ceil(decades / Math.max(2, Math.floor((width - labelWidth) / (font * 4.5)))));
  const ticks: number[] = [];
  // Exact powers of ten (10 ** integer), not products that drift below the decade.
  const first = Math.round(Math.log10(domain[0]));
  for (let k = 0; k <= decades; k += step) ticks.push(Number(`1e${first + k}`));
  const axisY = font * 0.4 + bars.length * rowH + font * 0.2;
  return { x, rows, ticks, labelWidth, barHeight, axisY, height: axisY + font * 1.6 };
}

