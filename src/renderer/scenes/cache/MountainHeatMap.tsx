/** One memory-mountain heat map: working set across (log2), stride down, colour = GB/s, cache sizes marked. */

import type { HeatMapLayout } from './mountain';
import { formatBytes } from '../../../sim/core/format';

export interface CacheMark {
  readonly name: string;
  readonly bytes: number;
}

const FONT = 11;
export const HEAT_MAP_BOX = { width: 380, height: 205 };

export function MountainHeatMap({
  id,
  title,
  layout,
  sizes,
  strides,
  value,
  marks,
}: {
  id: string;
  title: string;
  layout: HeatMapLayout;
  sizes: readonly number[];
  strides: readonly number[];
  value: (bytes: number, stride: number) => number | undefined;
  marks: readonly CacheMark[];
}) {
  const labelEvery = Math.max(1, Math.ceil((sizes.length * FONT * 3.2) / (layout.width - layout.left)));
  return (
    <svg viewBox={`0 0 ${layout.width} ${layout.height}`} className="mountain-map" role="img" aria-label={title} data-testid={id}>
      <text className="map-title" x={layout.left} y={FONT}>
        {title}
      </text>
      {sizes.flatMap((bytes) =>
        strides.map((stride) => {
          const v = value(bytes, stride);
          return (
            <rect
              key={`${bytes}/${stride}`}
              x={layout.x(bytes)}
              y={layout.y(stride)}
              width={layout.x.bandwidth()}
              height={layout.y.bandwidth()}
              fill={v === undefined || !Number.isFinite(v) ? 'none' : layout.color(v)}
              className="map-cell"
              data-testid={`${id}.cell.${bytes}.${stride}`}
              data-gbps={v ?? ''}
            >
              <title>{`${formatBytes(bytes)}, stride ${stride}: ${v === undefined ? 'not measured' : `${v.toFixed(2)} GB/s`}`}</title>
            </rect>
          );
        }),
      )}
      {strides.map((stride) => (
        <text key={`s${stride}`} className="tick" x={layout.left - 4} y={layout.y(stride)! + layout.y.bandwidth() / 2} textAnchor="end" dominantBaseline="central">
          {stride}
        </text>
      ))}
      <text className="tick" x={2} y={layout.top - 3}>
        stride
      </text>
      {sizes.map((bytes, i) =>
        i % labelEvery === 0 ? (
          <text key={`b${bytes}`} className="tick" x={layout.x(bytes)! + layout.x.bandwidth() / 2} y={layout.bottom + FONT * 1.1} textAnchor="middle">
            {formatBytes(bytes).replace(' ', '')}
          </text>
        ) : null,
      )}
      <text className="tick" x={layout.width / 2} y={layout.height - 3} textAnchor="middle">
        working set (8-byte elements read, every stride-th)
      </text>
      {marks.map((m) => {
        const x = layout.boundaryX(m.bytes);
        if (x === null) return null;
        return (
          <g key={m.name} className="cache-mark" data-testid={`${id}.cache.${m.name}`}>
            <line x1={x} x2={x} y1={layout.top - 2} y2={layout.bottom + 2} />
            <text x={x - 2} y={layout.top - 3} textAnchor="end">
              {m.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
