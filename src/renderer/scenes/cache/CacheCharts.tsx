/** Accesses done, L1 hit rate and AMAT over machine time, both sides; a marker follows the playhead. */
import { useEffect, useMemo, useRef } from 'react';
import { store } from '../../state/store';

import { miniChart, type Metric } from './charts';
import type { SeriesPoint } from './series';
import { formatNs } from '../../../sim/core/format';

const METRICS: { id: Metric; title: string; format: (v: number) => string }[] = [
  { id: 'accesses', title: 'Accesses done', format: (v) => String(Math.round(v)) },
  { id: 'l1HitRate', title: 'L1 hit rate', format: (v) => `${Math.round(v * 100)} %` },
  { id: 'amatNs', title: 'AMAT so far', format: (v) => formatNs(v) },
];

function Chart({ series, metric, width, height, font }: { series: [SeriesPoint[], SeriesPoint[]]; metric: (typeof METRICS)[number]; width: number; height: number; font: number }) {
  const box = useMemo(() => ({ width, height, left: font * 3.4, right: font * 0.6, top: font * 1.5, bottom: font * 1.5 }), [width, height, font]);
  const chart = useMemo(() => miniChart(series, metric.id, box), [series, metric.id, box]);
  const markerRef = useRef<SVGLineElement>(null);
  useEffect(() => {
    const paint = () => {
      const x = chart.x(Math.min(store.getState().t, chart.x.domain()[1]!));
      markerRef.current?.setAttribute('x1', String(x));
      markerRef.current?.setAttribute('x2', String(x));
    };
    paint();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t) paint();
    });
  }, [chart]);
  const yTicks = chart.y.ticks(3);
  const xTicks = chart.x.ticks(3);
  return (
    <svg width={width} height={height} className="cache-chart" data-testid={`cache.chart.${metric.id}`} role="img" aria-label={`${metric.title} over machine time`}>
      <text className="chart-title" x={box.left} y={font * 1.05}>
        {metric.title}
      </text>
      {yTicks.map((v) => (
        <g key={`y${v}`}>
          <line className="grid" x1={box.left} x2={width - box.right} y1={chart.y(v)} y2={chart.y(v)} />
          <text className="tick" x={box.left - font * 0.3} y={chart.y(v)} textAnchor="end" dominantBaseline="central">
            {metric.format(v)}
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <text key={`x${v}`} className="tick" x={chart.x(v)} y={height - font * 0.3} textAnchor="middle">
          {formatNs(v)}
        </text>
      ))}
      <path className="series side-0" d={chart.paths[0]} data-testid={`cache.chart.${metric.id}.side-0`} />
      <path className="series side-1" d={chart.paths[1]} data-testid={`cache.chart.${metric.id}.side-1`} />
      <line ref={markerRef} className="chart-marker" y1={box.top} y2={height - box.bottom} />
    </svg>
  );
}

export function CacheCharts({ series, width, font, height }: { series: [SeriesPoint[], SeriesPoint[]] | null; width: number; font: number; height: number }) {
  // Three across; the flex gap is 0.5 rem between them.
  const each = Math.max(120, Math.floor((width - font * 1.2) / 3));
  if (!series) return <div className="cache-charts pending" style={{ height }} data-testid="cache.charts" />;
  return (
    <div className="cache-charts" data-testid="cache.charts">
      {METRICS.map((m) => (
        <Chart key={m.id} series={series} metric={m} width={each} height={height} font={font} />
      ))}
    </div>
  );
}
