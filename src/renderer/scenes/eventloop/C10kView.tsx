/**
 * C10k, the scene's second view: N requests each waiting a round trip, served by one blocking
 * thread, a thread per request, and an event loop — each one's lanes (the first 24 requests),
 * total time, memory and context switches, and total time against N on log axes with the point
 * where a thread per request stops scaling. Closed forms (sim/eventloop/c10k.ts): instant.
 * Play animates the requests: the timeline steps through the instants where a lane starts or
 * ends, and each lane fills up to the playhead, so the three designs race on one clock.
 */
import { scaleLog } from 'd3';
import { useApp } from '../../state/store';
import { setParam } from '../../controller/sceneController';
import { useSize } from '../../components/useSize';
import { getPreset } from '../../../sim/hardware/presets';
import { C10K_STRATEGIES, c10kInputs, scalingLimit, serveC10k, type C10kResult, type C10kStrategy } from '../../../sim/eventloop/c10k';
import type { EventLoopView } from '../../../sim/eventloop/scene';
import { formatNs } from './TimeAxis';

const LABEL: Record<C10kStrategy, string> = { blocking: 'One blocking thread', threads: 'A thread per request', 'event-loop': 'One event loop' };
const SAMPLES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];

function formatBytes(b: number): string {
  if (b < 2 ** 20) return `${(b / 1024).toFixed(0)} KiB`;
  if (b < 2 ** 30) return `${(b / 2 ** 20).toFixed(1)} MiB`;
  return `${(b / 2 ** 30).toFixed(2)} GiB`;
}

/** The first requests' lanes, each filled up to the playhead (on this design's own time scale). */
function Lanes({ r, width, font }: { r: C10kResult; width: number; font: number }) {
  const t = useApp((s) => s.t);
  const end = Math.max(...r.lanes.map((l) => l.endNs), 1);
  const rowH = font * 0.24;
  const h = r.lanes.length * rowH + 2;
  const served = r.lanes.filter((l) => l.endNs <= t).length;
  return (
    <svg width={width} height={h} className="c10k-lanes" aria-hidden="true" data-testid={`c10k.${r.strategy}.lanes`} data-served={served}>
      {r.lanes.map((l, i) => {
        const x = (l.startNs / end) * width;
        const full = Math.max(1, ((l.endNs - l.startNs) / end) * width);
        const shown = Math.max(0, Math.min(full, ((t - l.startNs) / end) * width));
        return (
          <g key={i}>
            <rect className="c10k-lane-todo" x={x} y={i * rowH} width={full} height={rowH - 1} rx={1} />
            {shown > 0 && <rect className={l.endNs <= t ? 'c10k-lane-done' : 'c10k-lane-live'} x={x} y={i * rowH} width={shown} height={rowH - 1} rx={1} />}
          </g>
        );
      })}
    </svg>
  );
}

/** Where this design is at the playhead: still serving, or done. */
function Progress({ r }: { r: C10kResult }) {
  const t = useApp((s) => s.t);
  return (
    <span className="c10k-progress" data-testid={`c10k.${r.strategy}.progress`} data-done={t >= r.totalNs ? 'true' : 'false'}>
      {t >= r.totalNs ? ' · ✓ all served' : ` · serving… ${formatNs(t)} so far`}
    </span>
  );
}

function ScalingChart({ results, wait, limit, n }: { results: (n: number) => C10kResult[]; wait: string; limit: number | null; n: number }) {
  const [ref, size] = useSize<HTMLDivElement>();
  const font = size.font;
  // Left: the time labels (5 em); right: half of the "10,000" label (3 em), so nothing is clipped.
  const w = Math.max(200, size.width - font * 8);
  const h = font * 11;
  const rows = SAMPLES.map((s) => ({ n: s, r: results(s) }));
  const all = rows.flatMap((row) => row.r.map((x) => x.totalNs));
  const x = scaleLog().domain([1, 10_000]).range([0, w]);
  const y = scaleLog().domain([Math.min(...all), Math.max(...all)]).range([h, 0]).nice();
  return (
    <div ref={ref} className="c10k-chart">
      <svg width={size.width} height={h + font * 3} role="img" aria-label={`Total time against the number of requests, each waiting ${wait}`} data-testid="c10k.chart">
        <g transform={`translate(${font * 5},${font * 0.5})`}>
          {y.ticks(4).map((t) => (
            <g key={t}>
              <line className="c10k-grid" x1={0} x2={w} y1={y(t)} y2={y(t)} />
              <text x={-font * 0.3} y={y(t)} textAnchor="end" dominantBaseline="central">
                {formatNs(t)}
              </text>
            </g>
          ))}
          {[1, 10, 100, 1000, 10_000].map((t) => (
            <text key={t} x={x(t)} y={h + font * 1.2} textAnchor="middle">
              {t.toLocaleString('en-US')}
            </text>
          ))}
          {C10K_STRATEGIES.map((s, k) => (
            <polyline key={s} className={`c10k-line c10k-${s}`} points={rows.map((row) => `${x(row.n)},${y(row.r[k]?.totalNs ?? 1)}`).join(' ')} />
          ))}
          <line className="c10k-now" x1={x(n)} x2={x(n)} y1={0} y2={h} />
          {limit !== null && (
            <g data-testid="c10k.limit" data-n={limit}>
              <line className="c10k-limit" x1={x(limit)} x2={x(limit)} y1={0} y2={h} />
              <text x={x(limit) > w * 0.7 ? x(limit) - 4 : x(limit) + 4} y={font} className="c10k-limit-text" textAnchor={x(limit) > w * 0.7 ? 'end' : 'start'}>
                threads stop scaling: {limit.toLocaleString('en-US')}
              </text>
            </g>
          )}
          <text x={w / 2} y={h + font * 2.4} textAnchor="middle">
            requests (log) · total time (log):{' '}
            <tspan className="c10k-key-blocking">■ blocking</tspan> <tspan className="c10k-key-threads">■ thread per request</tspan> <tspan className="c10k-key-event-loop">■ event loop</tspan>
          </text>
        </g>
      </svg>
    </div>
  );
}

export function C10kView() {
  const params = useApp((s) => s.params);
  const frame = useApp((s) => (s.frame?.view as EventLoopView | undefined)?.c10k ?? null);
  const [ref, size] = useSize<HTMLDivElement>();
  const machine = getPreset('2020') ?? null;
  const waitKind = params.wait === 'datacenter' ? 'datacenter' : 'internet';
  const n = Math.min(10_000, Math.max(1, Number(params.requests ?? 1000) || 1000));
  // The model's run (the timeline animates it); the same closed forms while it loads.
  const fallback = c10kInputs(machine, n, waitKind);
  const costs = frame?.costs ?? fallback.costs;
  const p = { waitNs: fallback.params.waitNs, cpuNs: fallback.params.cpuNs };
  const waitNs = p.waitNs;
  const results = frame && frame.params.requests === n && frame.params.waitNs === waitNs ? frame.results : serveC10k({ ...p, requests: n }, costs);
  const limit = scalingLimit('threads', p, costs);
  return (
    <div className="c10k" data-testid="c10k" ref={ref}>
      <div className="c10k-controls">
        <label className="field inline">
          <span>Requests</span>
          <input type="range" min={0} max={4} step={0.01} value={Math.log10(n)} onChange={(e) => setParam('requests', String(Math.round(10 ** Number(e.target.value))))} aria-label="Requests (log scale)" />
          <output data-testid="c10k.requests">{n.toLocaleString('en-US')}</output>
        </label>
        <label className="field inline">
          <span>Each waits</span>
          <select value={waitKind} onChange={(e) => setParam('wait', e.target.value)} data-testid="c10k.wait">
            <option value="internet">a round trip across the ocean ({formatNs(machine?.network.intercontinentalRoundTrip?.value ?? 150e6)})</option>
            <option value="datacenter">a round trip in the datacenter ({formatNs(machine?.network.datacenterRoundTrip?.value ?? 500_000)})</option>
          </select>
        </label>
      </div>
      <p className="c10k-note">
        5 µs of CPU per request; {costs.cores} cores; a thread costs {formatNs(costs.threadCreateNs)} to create, {formatBytes(costs.threadStackBytes)} of stack touched (of 8 MiB reserved) and two
        context switches of {formatNs(costs.contextSwitchNs)}; a connection on the event loop {formatBytes(costs.connectionBytes)}. Figures: the 2020 machine model.
      </p>
      {results.map((r) => (
        <section key={r.strategy} className={`c10k-row c10k-${r.strategy}`} data-testid={`c10k.${r.strategy}`} data-total-ns={r.totalNs} data-memory={r.memoryBytes}>
          <h3>{LABEL[r.strategy]}</h3>
          <p>
            <strong>{formatNs(r.totalNs)}</strong> for all · memory {formatBytes(r.memoryBytes)} · {r.contextSwitches.toLocaleString('en-US')} context switches
            {r.failure && <span className="field-error"> · {r.failure}</span>}
            <Progress r={r} />
          </p>
          <Lanes r={r} width={Math.max(120, size.width - size.font * 2)} font={size.font} />
        </section>
      ))}
      <ScalingChart results={(k) => serveC10k({ ...p, requests: k }, costs, 0)} wait={formatNs(waitNs)} limit={limit} n={n} />
    </div>
  );
}
