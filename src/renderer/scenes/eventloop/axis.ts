/** Layout of the virtual-time axis: pure, so it is tested without a DOM. */
import { scaleLinear } from 'd3';

/** Marks (one per distinct instant), labelled ticks and the current position, in px. */
export interface AxisLayout {
  readonly width: number;
  readonly marks: readonly { readonly x: number; readonly ns: number; readonly count: number }[];
  readonly ticks: readonly { readonly x: number; readonly ns: number; readonly anchor: 'start' | 'middle' | 'end' }[];
  readonly nowX: number;
}

export function axisLayout(times: readonly number[], endNs: number, nowNs: number, width: number): AxisLayout {
  const end = Math.max(endNs, ...times, 1);
  const x = scaleLinear().domain([0, end]).range([0, width]);
  const counts = new Map<number, number>();
  for (const t of times) counts.set(t, (counts.get(t) ?? 0) + 1);
  const marks = [...counts].map(([ns, count]) => ({ x: x(ns), ns, count }));
  const ticks = x.ticks(Math.max(2, Math.min(6, Math.floor(width / 110)))).map((ns, i, all) => ({ x: x(ns), ns, anchor: (i === 0 ? 'start' : i === all.length - 1 && x(ns) > width - 30 ? 'end' : 'middle') as 'start' | 'middle' | 'end' }));
  return { width, marks, ticks, nowX: x(Math.min(nowNs, end)) };
}
