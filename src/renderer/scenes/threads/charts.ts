/**
 * Scales and bars of the scene's two charts, pure: d3 computes, React renders.
 * The real-run histogram bins the final counter values of many runs; the explorer chart
 * has one bar per reachable final value.
 */
import { bin, scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';

export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface HistogramBin {
  /** Values v with x0 ≤ v < x1 (the last bin includes x1). */
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

/**
 * Bins final values over a domain that always includes `expected` (where an unraced run
 * ends), so a cluster far from it shows how much was lost.
 */
export function binFinals(finals: readonly number[], expected: number, bins = 12): HistogramBin[] {
  if (finals.length === 0) return [];
  let lo = Math.min(expected, ...finals);
  let hi = Math.max(expected, ...finals);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const step = (hi - lo) / bins;
  const thresholds = Array.from({ length: bins - 1 }, (_, i) => lo + step * (i + 1));
  const out = bin<number, number>().domain([lo, hi]).thresholds(thresholds)([...finals]);
  return out.map((b) => ({ x0: b.x0 ?? lo, x1: b.x1 ?? hi, count: b.length }));
}

export interface HistogramLayout {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly bars: readonly (Bar & HistogramBin)[];
  readonly baseline: number;
}

export function histogramLayout(bins: readonly HistogramBin[], width: number, height: number, font: number): HistogramLayout {
  const left = font * 2.2;
  const right = width - font * 2.2;
  const top = font * 0.8;
  const baseline = height - font * 2.2;
  const first = bins[0];
  const last = bins[bins.length - 1];
  const x = scaleLinear()
    .domain([first?.x0 ?? 0, last?.x1 ?? 1])
    .range([left, right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((b) => b.count))])
    .range([baseline, top]);
  const bars = bins.map((b) => {
    const x0 = x(b.x0);
    const x1 = x(b.x1);
    return { ...b, x: x0 + 1, width: Math.max(1, x1 - x0 - 2), y: y(b.count), height: baseline - y(b.count) };
  });
  return { x, y, bars, baseline };
}

export interface OutcomeLayout {
  readonly x: ScaleBand<string>;
  readonly bars: readonly (Bar & { readonly value: number; readonly count: number | null })[];
  readonly baseline: number;
}

/**
 * One bar per reachable final value. With counts, heights are the number of interleavings
 * reaching each value (a square-root scale, as the counts span orders of magnitude); without,
 * every reachable value gets the same full bar.
 */
export function outcomeLayout(values: readonly number[], counts: Readonly<Record<string, bigint>> | null, width: number, height: number, font: number): OutcomeLayout {
  const baseline = height - font * 1.6;
  const top = font * 1.4;
  const x = scaleBand<string>()
    .domain(values.map(String))
    .range([font * 0.5, width - font * 0.5])
    .padding(0.15);
  const numbers = values.map((v) => (counts ? Number(counts[String(v)] ?? 0n) : null));
  const most = Math.max(1, ...numbers.map((n) => n ?? 1));
  const h = (n: number | null): number => (n === null ? baseline - top : Math.max(2, Math.sqrt(n / most) * (baseline - top)));
  const bars = values.map((value, i) => {
    const count = numbers[i] ?? null;
    const height = h(count);
    return { value, count, x: x(String(value)) ?? 0, width: x.bandwidth(), y: baseline - height, height };
  });
  return { x, bars, baseline };
}
