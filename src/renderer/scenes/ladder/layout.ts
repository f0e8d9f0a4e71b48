/** Geometry of the ladder stage: pure functions of size, font size and rungs (d3 computes, React renders). */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { LadderRung } from '../../../sim/ladder/rungs';
import type { Span } from '../../engine/playhead';
import type { TimeScale } from '../../routing/url';

export interface LadderLayout {
  readonly width: number;
  readonly height: number;
  readonly font: number;
  readonly rowH: number;
  readonly barH: number;
  readonly top: number;
  readonly labelX: number;
  readonly barX0: number;
  readonly barX1: number;
  readonly valueX: number;
  readonly humanX: number;
  readonly axisY: number;
  /** Latency → x on the bars: log or linear, as the timeline's time axis (bars, axis and header agree). */
  readonly x: ScaleContinuousNumeric<number, number>;
  /** Elapsed machine time → x on the bottom time axis (log or linear, as the timeline). */
  readonly timeX: ScaleContinuousNumeric<number, number>;
  readonly logTime: boolean;
  rowY(index: number): number;
}

export function ladderLayout(width: number, height: number, font: number, rungs: readonly LadderRung[], span: Span, scale: TimeScale): LadderLayout {
  const top = font * 2.2;
  // Room for the axis, its labels and the status line under it (never under the timeline bar).
  const axisH = font * 4.6;
  const rowH = Math.max(font * 1.12, (height - top - axisH) / Math.max(1, rungs.length));
  const barH = Math.min(rowH * 0.62, font * 1.3);
  const labelX = font * 0.6;
  const humanW = font * 7.5;
  const valueW = font * 5;
  const labelW = Math.min(width * 0.3, font * 15);
  const barX0 = labelX + labelW;
  const humanX = width - humanW;
  const valueX = humanX - valueW;
  const barX1 = valueX - font * 0.8;
  const present = rungs.map((r) => r.ns).filter((ns): ns is NonNullable<typeof ns> => ns !== null);
  const lo = present.length ? 10 ** Math.floor(Math.log10(Math.min(...present) / 2)) : 0.1;
  const hi = present.length ? 10 ** Math.ceil(Math.log10(Math.max(...present))) : 1e9;
  const x =
    scale === 'log'
      ? scaleLog().domain([lo, hi]).range([barX0, barX1]).clamp(true)
      : scaleLinear().domain([0, present.length ? Math.max(...present) : 1]).range([barX0, barX1]).clamp(true);
  const axisY = top + rowH * rungs.length + font * 1.2;
  const timeX =
    scale === 'log'
      ? scaleLog().domain([span.tMin, Math.max(span.tEnd, span.tMin * 10)]).range([barX0, barX1]).clamp(true)
      : scaleLinear().domain([0, Math.max(span.tEnd, 1)]).range([barX0, barX1]).clamp(true);
  return {
    width,
    height,
    font,
    rowH,
    barH,
    top,
    labelX,
    barX0,
    barX1,
    valueX,
    humanX,
    axisY,
    x,
    timeX,
    logTime: scale === 'log',
    rowY: (index) => top + index * rowH,
  };
}

/** Width of a bar's fill after `elapsed` ns of a visit to a rung of `ns` latency. */
export function fillWidth(layout: LadderLayout, elapsed: number, ns: number): number {
  if (elapsed <= 0) return 0;
  const end = layout.x(ns);
  return Math.max(0, Math.min(end, layout.x(Math.max(elapsed, layout.x.domain()[0]!))) - layout.barX0);
}

/** Powers of ten inside a log domain, thinned to at most `max` ticks. */
export function decadeTicks([lo, hi]: [number, number], max: number): number[] {
  const decades: number[] = [];
  for (let k = Math.ceil(Math.log10(lo)); k <= Math.floor(Math.log10(hi)); k++) decades.push(10 ** k);
  const every = Math.max(1, Math.ceil(decades.length / max));
  return decades.filter((_, i) => i % every === 0);
}
