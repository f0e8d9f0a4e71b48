/** The measured pointer-chase curve (ns per load vs working set) with cache sizes and a table's prediction. */
import { useEffect, useRef } from 'react';
import { axisBottom, axisLeft, select } from 'd3';
import type { MachineModel } from '../../sim/hardware/types';
import type { OsCacheInfo } from '../../shared/api';
import { chaseGeometry, type ChasePoint } from './chaseChart';
import { formatBytes } from '../../sim/core/format';

const BOX = { width: 420, height: 260, left: 48, right: 12, top: 12, bottom: 36 };

export function ChaseChart({ points, caches, prediction }: { points: readonly ChasePoint[]; caches: readonly OsCacheInfo[]; prediction: MachineModel }) {
  const geometry = chaseGeometry(points, prediction, BOX);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(geometry.x).ticks(6).tickFormat((d) => formatBytes(Number(d))));
    if (yAxis.current) select(yAxis.current).call(axisLeft(geometry.y).ticks(5, '~g'));
  }, [geometry]);
  const marks = caches.filter((c) => c.type !== 'Instruction');
  return (
    <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="chase-chart" role="img" aria-label="Nanoseconds per load against working set size" data-testid="realrun.chart">
      {marks.map((c) => {
        const x = geometry.x(c.bytes);
        return (
          <g key={`${c.level}-${c.type}`} className="cache-mark" data-testid={`realrun.cache.l${c.level}`}>
            <line x1={x} x2={x} y1={BOX.top} y2={BOX.height - BOX.bottom} />
            <text x={x + 3} y={BOX.top + 10}>
              L{c.level} {formatBytes(c.bytes)}
            </text>
          </g>
        );
      })}
      <path className="predicted" d={geometry.predictedPath} data-testid="realrun.predicted" />
      <path className="measured" d={geometry.measuredPath} data-testid="realrun.measured" />
      {points.map((p) => (
        <circle key={p.bytes} className="measured-point" cx={geometry.x(p.bytes)} cy={geometry.y(p.ns)} r={2.5}>
          <title>{`${formatBytes(p.bytes)}: ${p.ns.toFixed(2)} ns per load`}</title>
        </circle>
      ))}
      <g ref={xAxis} className="axis" transform={`translate(0,${BOX.height - BOX.bottom})`} />
      <g ref={yAxis} className="axis" transform={`translate(${BOX.left},0)`} />
      <text className="axis-title" x={BOX.width - BOX.right} y={BOX.height - 4} textAnchor="end">
        working set
      </text>
      <text className="axis-title" x={4} y={BOX.top - 2}>
        ns/load
      </text>
    </svg>
  );
}
