/**
 * Functions: the hour of requests as ticks (cold starts tall and marked, warm reuse short),
 * a marker at the playhead, and the counts so far: cold starts, warm hits, concurrency,
 * scale to zero, and the cost per month against an always-on VM.
 */
import { useEffect, useMemo, useRef } from 'react';
import { store, useApp } from '../../state/store';
import { useSize } from '../../components/useSize';
import { DEFAULT_KEEP_ALIVE_MS, generateTrace, HOUR_MS, serveTrace, TRACE_KINDS, type TraceKind } from '../../../sim/stacks/functions';
import type { StacksView } from '../../../sim/stacks/scene';
import { bootMsOf } from './boot';

const NS_PER_MS = 1e6;

export const dollars = (x: number): string => (x >= 100 ? `$${Math.round(x).toLocaleString('en-US')}` : x >= 1 ? `$${x.toFixed(2)}` : `$${x.toPrecision(2)}`);

export function FunctionPanel({ view }: { view: StacksView }) {
  const f = view.functions!;
  const params = useApp((s) => s.params);
  const [boxRef, size] = useSize<HTMLDivElement>();
  const trace = (TRACE_KINDS as readonly string[]).includes(params.trace ?? '') ? (params.trace as TraceKind) : 'bursty';
  // The same pure functions the model serves its trace with: the ticks are the model's requests.
  const bootMs = bootMsOf(params);
  const keepAlive = Number(params.keepAlive ?? DEFAULT_KEEP_ALIVE_MS);
  const keepAliveMs = Number.isInteger(keepAlive) && keepAlive >= 0 ? keepAlive : DEFAULT_KEEP_ALIVE_MS;
  const served = useMemo(() => serveTrace(generateTrace(trace), { coldStartMs: bootMs, keepAliveMs }), [trace, bootMs, keepAliveMs]);
  const width = Math.max(100, size.width);
  const h = size.font * 4;
  const x = (ms: number): number => (ms / HOUR_MS) * (width - 2) + 1;
  const markerRef = useRef<SVGLineElement>(null);
  useEffect(() => {
    const paint = () => {
      const px = String(x(Math.min(HOUR_MS, store.getState().t / NS_PER_MS)));
      markerRef.current?.setAttribute('x1', px);
      markerRef.current?.setAttribute('x2', px);
    };
    paint();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t) paint();
    });
  });
  const cheaper = f.costPerMonth < f.vmCostPerMonth;
  return (
    <section className="stacks-panel stacks-functions" aria-label="Functions: requests, cold starts, cost" data-testid="stacks.functions">
      <h3>
        One hour of requests ({trace}): {served.requests.length.toLocaleString('en-US')} requests, {served.coldStarts} cold
      </h3>
      <div ref={boxRef} className="stacks-trace-box">
        <svg width={width} height={h} role="img" aria-label="Request trace: tall red ticks are cold starts" data-testid="stacks.trace">
          <line className="trace-base" x1={0} x2={width} y1={h - 1} y2={h - 1} />
          <path className="trace-warm" d={served.requests.filter((r) => !r.cold).map((r) => `M${x(r.tMs).toFixed(1)},${h - 1}v${-h * 0.35}`).join('')} />
          <path className="trace-cold" d={served.requests.filter((r) => r.cold).map((r) => `M${x(r.tMs).toFixed(1)},${h - 1}v${-h * 0.9}`).join('')} />
          <line ref={markerRef} className="trace-marker" y1={0} y2={h} />
        </svg>
        <div className="stacks-trace-axis">
          <span>0 min</span>
          <span>30 min</span>
          <span>60 min</span>
        </div>
      </div>
      <dl className="stats stacks-function-stats" data-testid="stacks.functions.stats">
        <dt>Requests so far</dt>
        <dd data-testid="stacks.functions.requests">{f.requests.toLocaleString('en-US')}</dd>
        <dt>Cold starts</dt>
        <dd data-testid="stacks.functions.cold">{f.coldStarts.toLocaleString('en-US')}</dd>
        <dt>Warm hits</dt>
        <dd data-testid="stacks.functions.warm">{f.warmHits.toLocaleString('en-US')}</dd>
        <dt>Most at once</dt>
        <dd data-testid="stacks.functions.concurrency">{f.maxConcurrency}</dd>
        <dt>Per month, functions</dt>
        <dd data-testid="stacks.functions.cost">{dollars(f.costPerMonth)}</dd>
        <dt>Per month, always-on VM</dt>
        <dd data-testid="stacks.functions.vm-cost">{dollars(f.vmCostPerMonth)}</dd>
      </dl>
      <p className="muted" data-testid="stacks.functions.verdict">
        {cheaper
          ? `Pay per use wins here: the trace is idle most of the hour, and an idle function costs nothing after it scales to zero.`
          : `The always-on VM wins here: busy all the time, per-request billing costs more than renting the machine.`}
      </p>
    </section>
  );
}
