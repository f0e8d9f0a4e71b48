/**
 * Speedup over cores, 1..64 on log2 axes: Amdahl's and Gustafson's curves for a serial
 * fraction, perfect scaling as the diagonal, and optional points on top (the simulated run,
 * measured worker counts). Used by the Inspector and the Real run.
 */
import { useMemo } from 'react';
import { amdahl, gustafson } from '../../../sim/parallel/scaling';
import { curvePath, MAX_CORES, POWERS_OF_TWO, speedupChart } from './charts';

export interface ChartPoint {
  readonly n: number;
  readonly speedup: number;
  readonly label: string;
  readonly testId: string;
  readonly className: string;
}

export function SpeedupCurves({
  serial,
  points = [],
  testId,
  gustafsonCurve = true,
  width = 340,
  height = 220,
  coresMark,
}: {
  serial: number;
  points?: readonly ChartPoint[];
  testId: string;
  gustafsonCurve?: boolean;
  width?: number;
  height?: number;
  /** Draws a line at this many cores (past it, more workers only take turns). */
  coresMark?: number;
}) {
  const font = 12;
  const chart = useMemo(() => speedupChart(width, height, font), [width, height]);
  const ns = useMemo(() => Array.from({ length: MAX_CORES }, (_, i) => i + 1), []);
  const amdahlPath = curvePath(
    chart,
    ns.map((n) => ({ n, speedup: amdahl(serial, n) })),
  );
  const gustafsonPath = curvePath(
    chart,
    ns.map((n) => ({ n, speedup: gustafson(serial, n) })),
  );
  const idealPath = curvePath(chart, [
    { n: 1, speedup: 1 },
    { n: MAX_CORES, speedup: MAX_CORES },
  ]);
  const ceiling = serial > 0 ? 1 / serial : null;
  return (
    <svg className="speedup-curves" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Speedup over 1 to 64 cores, serial fraction ${serial}`} data-testid={testId}>
      {POWERS_OF_TWO.map((v) => (
        <g key={v}>
          <line className="grid" x1={chart.x(v)} x2={chart.x(v)} y1={chart.top} y2={chart.bottom} />
          <line className="grid" x1={chart.left} x2={chart.right} y1={chart.y(v)} y2={chart.y(v)} />
          <text className="tick" x={chart.x(v)} y={chart.bottom + font * 1.1} textAnchor="middle">
            {v}
          </text>
          <text className="tick" x={chart.left - font * 0.3} y={chart.y(v) + font * 0.35} textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      <text className="axis-title" x={(chart.left + chart.right) / 2} y={height - font * 0.2} textAnchor="middle">
        cores (workers)
      </text>
      <text className="axis-title" x={font * 0.2} y={chart.top + font * 0.2} dominantBaseline="hanging">
        ×
      </text>
      <path className="curve ideal" d={idealPath} />
      {coresMark !== undefined && coresMark >= 1 && coresMark <= MAX_CORES && (
        <g data-testid={`${testId}.cores`}>
          <line className="cores-mark" x1={chart.x(coresMark)} x2={chart.x(coresMark)} y1={chart.top} y2={chart.bottom} />
          <text className="curve-label" x={chart.x(coresMark) + font * 0.3} y={chart.bottom - font * 0.4}>
            {coresMark} cores
          </text>
        </g>
      )}
      {gustafsonCurve && <path className="curve gustafson" d={gustafsonPath} data-testid={`${testId}.gustafson`} />}
      <path className="curve amdahl" d={amdahlPath} data-testid={`${testId}.amdahl`} />
      {ceiling !== null && ceiling < MAX_CORES && (
        <text className="curve-label amdahl" x={chart.right} y={chart.y(ceiling) - font * 0.4} textAnchor="end">
          Amdahl: never above ×{ceiling.toFixed(ceiling < 10 ? 1 : 0)}
        </text>
      )}
      {gustafsonCurve && (
        <text className="curve-label gustafson" x={chart.x(24)} y={chart.y(gustafson(serial, 24)) - font * 0.6} textAnchor="end">
          Gustafson
        </text>
      )}
      {points.map((p) => (
        <circle key={p.testId} className={`point ${p.className}`} cx={chart.x(p.n)} cy={chart.y(Math.max(p.speedup, 0.5))} r={font * 0.35} data-testid={p.testId} data-n={p.n} data-speedup={p.speedup.toFixed(3)}>
          <title>{p.label}</title>
        </circle>
      ))}
    </svg>
  );
}
