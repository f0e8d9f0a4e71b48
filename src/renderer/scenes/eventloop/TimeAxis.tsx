/**
 * Where the time went: a virtual-time axis from 0 to the end of the run, a tick for every
 * moment something happened, and the current step's moment marked. Code takes no virtual
 * time, so steps bunch at the instants timers fire and I/O completes.
 */
import { useSize } from '../../components/useSize';
import { axisLayout } from './axis';

/** A virtual time for people: ns, µs or ms. */
export function formatNs(ns: number): string {
  if (ns === 0) return '0 ms';
  if (ns < 1e3) return `${ns} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(ns < 1e4 ? 1 : 0)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(ns < 1e7 ? 3 : ns < 1e8 ? 2 : 1)} ms`;
  if (ns < 120e9) return `${(ns / 1e9).toFixed(ns < 10e9 ? 2 : 1)} s`;
  return `${(ns / 60e9).toFixed(1)} min`;
}

export function TimeAxis({ times, endNs, nowNs }: { times: readonly number[]; endNs: number; nowNs: number }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const font = size.font;
  const layout = axisLayout(times, endNs, nowNs, Math.max(100, size.width - font * 2));
  const h = font * 3.2;
  return (
    <div ref={boxRef} className="el-axis">
      <svg width={size.width} height={h} role="img" aria-label={`Virtual time: now ${formatNs(nowNs)} of ${formatNs(endNs)}`} data-testid="eventloop.axis" data-now-ns={nowNs}>
        <g transform={`translate(${font},${font * 0.6})`}>
          <line className="el-axis-line" x1={0} x2={layout.width} y1={font} y2={font} />
          {layout.marks.map((m) => (
            <line key={m.x} className="el-axis-mark" x1={m.x} x2={m.x} y1={font * 0.4} y2={font * 1.6}>
              <title>{`${m.count} step${m.count === 1 ? '' : 's'} at ${formatNs(m.ns)}`}</title>
            </line>
          ))}
          <circle className="el-axis-now" cx={layout.nowX} cy={font} r={font * 0.4} />
          {layout.ticks.map((t) => (
            <text key={t.x} x={t.x} y={font * 2.4} textAnchor={t.anchor}>
              {formatNs(t.ns)}
            </text>
          ))}
        </g>
      </svg>
    </div>
  );
}
