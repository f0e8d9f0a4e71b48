/** Scales and paths of the small charts under the stage (machine time across), pure. */
import { line, scaleLinear, type ScaleLinear } from 'd3';
import type { SeriesPoint } from './series';

export type Metric = 'accesses' | 'l1HitRate' | 'amatNs';

export interface MiniChart {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** One path per side ('' when a side has no points). */
  readonly paths: [string, string];
}

/** A chart of one metric for both sides, x from 0 to the later side's end, y from 0 to the largest value. */
export function miniChart(
  series: readonly [readonly SeriesPoint[], readonly SeriesPoint[]],
  metric: Metric,
  box: { width: number; height: number; left: number; right: number; top: number; bottom: number },
): MiniChart {
  const tEnd = Math.max(1, ...series.map((s) => s.at(-1)?.t ?? 0));
  const yMax = metric === 'l1HitRate' ? 1 : Math.max(1e-9, ...series.flatMap((s) => s.map((p) => p[metric])));
  const x = scaleLinear().domain([0, tEnd]).range([box.left, box.width - box.right]);
  const y = scaleLinear().domain([0, yMax]).range([box.height - box.bottom, box.top]).nice(3);
  const path = (points: readonly SeriesPoint[]): string => {
    if (points.length === 0) return '';
    // Each side starts at (0, its first value) so a line is visible from the first access.
    const first = points[0]!;
    return line<SeriesPoint>()
      .x((p) => x(p.t))
      .y((p) => y(p[metric]))([{ ...first, t: 0 }, ...points]) ?? '';
  };
  return { x, y, paths: [path(series[0]), path(series[1])] };
}
