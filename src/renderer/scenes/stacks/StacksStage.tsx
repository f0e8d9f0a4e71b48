/**
 * The Stacks stage: the evolution strip, the chosen stack as layers with its isolation
 * boundary, and the host filling up as instances launch (a memory bar, "fit", a grid of
 * instance cells). Functions add the request trace with cold starts and the monthly cost.
 * React renders when the step changes; booting cells fill and the time marker moves with the
 * playhead through a transient subscription into refs.
 */
import { useEffect, useMemo, useRef } from 'react';
import { store, useApp } from '../../state/store';
import { useSize } from '../../components/useSize';

import type { StacksView } from '../../../sim/stacks/scene';
import { bootFraction, gridLayout, layersLayout } from './stageLayout';

import { EvolutionStrip } from './EvolutionStrip';
import { FunctionPanel } from './FunctionPanel';
import { bootMsOf } from './boot';
import { stacksViewOf } from './stepReadout';
import { formatBytes } from '../../../sim/core/format';
import { formatMsAligned } from '../../../sim/core/format';

const NS_PER_MS = 1e6;

function LayersDiagram({ view }: { view: StacksView }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const font = size.font;
  const rowH = font * 2.1;
  const gap = font * 0.35;
  const instances = view.instances.length;
  const width = Math.max(120, size.width - font);
  const layout = layersLayout(view.layers, instances, width, rowH, gap);
  const height = view.layers.length * rowH + font * 1.6;
  const perInstance = view.layers.some((l) => !l.shared);
  const reachable = (name: string, kind: string): boolean =>
    view.isolation.sharedKernel && (kind === 'kernel' || kind === 'host-os' || (kind === 'hypervisor' && name.includes('kernel')));
  return (
    <div className="stacks-layers" ref={boxRef} data-testid="stacks.layers">
      <svg width={width + font} height={height} role="img" aria-label={`${view.label}: layers from hardware to app`}>
        <g transform={`translate(${font / 2},${font * 0.4})`}>
          {layout.boxes.map((b) => (
            <g
              key={`${b.name}-${b.column}`}
              className={`stacks-layer kind-${b.kind}${b.shared ? ' shared' : ' own'}${b.shared && reachable(b.name, b.kind) ? ' reachable' : ''}`}
              data-testid={b.shared ? `stacks.layer.${b.kind}` : `stacks.layer.${b.kind}.instance-${b.column}`}
              data-name={b.name}
            >
              <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={4} />
              <text x={b.x + b.width / 2} y={b.y + b.height / 2} textAnchor="middle" dominantBaseline="central">
                {b.name.length * font * 0.42 > b.width ? `${b.name.slice(0, Math.max(3, Math.floor(b.width / (font * 0.42)) - 1))}…` : b.name}
              </text>
            </g>
          ))}
          {layout.boundary && (
            <g className="stacks-boundary" data-testid="stacks.boundary">
              <rect x={layout.boundary.x} y={layout.boundary.y} width={layout.boundary.width} height={layout.boundary.height} rx={6} />
            </g>
          )}
        </g>
        <text className="stacks-caption" x={font / 2} y={height - font * 0.3}>
          {perInstance
            ? `shared layers once, the rest × ${instances}${instances > layout.columns ? ` (${layout.columns} drawn)` : ''}`
            : 'every layer shared'}
        </text>
      </svg>
      <div className="stacks-isolation" data-testid="stacks.isolation">
        <strong>Boundary:</strong> {view.isolation.boundary}
        {view.isolation.sharedKernel && <span className="stacks-badge" data-testid="stacks.shared-kernel">one shared kernel</span>}
        <div className="stacks-reaches-head">A compromised app can reach:</div>
        <ul className="stacks-reaches">
          {view.isolation.reaches.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function HostGrid({ view, bootMs }: { view: StacksView; bootMs: number }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const n = view.instances.length;
  const fitted = gridLayout(n, size.width, Math.max(size.font * 4, size.height));
  // A few instances would make huge cells: cap them so the grid still reads as "a host".
  const grid = { ...fitted, cell: Math.min(fitted.cell, size.font * 4.5) };
  const gap = Math.max(1, Math.min(4, grid.cell * 0.12));
  const fillGroup = useRef<SVGGElement>(null);

  useEffect(() => {
    const paint = () => {
      const tMs = store.getState().t / NS_PER_MS;
      const g = fillGroup.current;
      if (!g) return;
      for (const rect of g.querySelectorAll<SVGRectElement>('rect[data-start]')) {
        const f = bootFraction(tMs, Number(rect.dataset.start), Number(rect.dataset.ready));
        rect.setAttribute('height', String(f * Number(rect.dataset.size)));
        rect.setAttribute('y', String(Number(rect.dataset.bottom) - f * Number(rect.dataset.size)));
      }
    };
    paint();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t) paint();
    });
  }, [view, grid.cell]);

  const side = Math.max(1, grid.cell - gap);
  return (
    <div className="stacks-grid" ref={boxRef}>
      <svg width={size.width} height={grid.rows * grid.cell} role="img" aria-label={`${n} instances on the host`} data-testid="stacks.grid">
        <g ref={fillGroup}>
          {view.instances.map((inst, i) => {
            const x = (i % grid.cols) * grid.cell;
            const y = Math.floor(i / grid.cols) * grid.cell;
            const ready = inst.readyMs ?? (inst.startMs !== null ? inst.startMs + bootMs : null);
            return (
              <g key={inst.id} className={`stacks-cell ${inst.state}`} data-testid={`stacks.instance.${inst.id}`} data-state={inst.state}>
                <rect className="cell-bg" x={x} y={y} width={side} height={side} rx={Math.min(4, side / 4)} />
                {inst.state === 'booting' && inst.startMs !== null && ready !== null && (
                  <rect
                    className="cell-boot"
                    x={x}
                    y={y + side}
                    width={side}
                    height={0}
                    data-start={inst.startMs}
                    data-ready={ready}
                    data-size={side}
                    data-bottom={y + side}
                  />
                )}
                <title>{`instance ${inst.id}: ${inst.state}${inst.startMs !== null ? `, boot from ${formatMsAligned(inst.startMs)}` : ''}${inst.readyMs !== null ? ` to ${formatMsAligned(inst.readyMs)}` : ''}`}</title>
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}

function LaunchClock({ view }: { view: StacksView }) {
  const markerRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLSpanElement>(null);
  const total = view.startMs;
  useEffect(() => {
    const paint = () => {
      const tMs = store.getState().t / NS_PER_MS;
      const f = total > 0 ? Math.min(1, Math.max(0, tMs / total)) : 1;
      if (markerRef.current) markerRef.current.style.width = `${f * 100}%`;
      if (textRef.current) textRef.current.textContent = formatMsAligned(Math.max(0, tMs));
    };
    paint();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t) paint();
    });
  }, [total]);
  return (
    <div className="stacks-clock" data-testid="stacks.clock">
      <span>
        virtual time <span ref={textRef} data-testid="stacks.clock.t" />
      </span>
      <div className="stacks-clock-track">
        <div className="stacks-clock-fill" ref={markerRef} />
      </div>
      <span data-testid="stacks.start-ms">all ready at {total > 0 ? formatMsAligned(total) : '—'}</span>
    </div>
  );
}

const LEGEND = ['waiting', 'booting', 'running', 'idle', 'stopped', 'rejected'] as const;

export function StacksStage() {
  const frame = useApp((s) => s.frame);
  const bootMs = bootMsOf(useApp((s) => s.params));
  const view = stacksViewOf(frame) ?? null;
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const inst of view?.instances ?? []) c[inst.state] = (c[inst.state] ?? 0) + 1;
    return c;
  }, [view]);
  if (!view) return <div className="stacks-stage" data-testid="stacks.stage" />;
  const usedFraction = view.host.memoryBytes > 0 ? Math.min(1, view.host.usedBytes / view.host.memoryBytes) : 0;
  return (
    <div className="stacks-stage" data-testid="stacks.stage" data-stack={view.stack}>
      <EvolutionStrip />
      {view.functions && <FunctionPanel view={view} />}
      <div className="stacks-main">
        <section className="stacks-panel stacks-stack" aria-label="The stack">
          <h3 data-testid="stacks.label">{view.label}</h3>
          <LayersDiagram view={view} />
        </section>
        <section className="stacks-panel stacks-host" aria-label="The host">
          <h3>
            One host: {view.host.cores} cores, {formatBytes(view.host.memoryBytes)}
          </h3>
          <div className="stacks-facts">
            <span className="stacks-fit" data-testid="stacks.fit">
              fit: {view.fit} of {view.requested}
            </span>
            <span data-testid="stacks.boot">{view.functions ? 'cold start' : 'boot'} {formatMsAligned(bootMs)} each</span>
            <span data-testid="stacks.overhead">{view.memoryOverheadBytes > 0 ? `+${formatBytes(view.memoryOverheadBytes)} overhead per instance` : 'no memory overhead per instance'}</span>
            <span>CPU overhead {Math.round(view.cpuOverhead * 100)} %</span>
          </div>
          <div className="stacks-memory" data-testid="stacks.memory" data-used={view.host.usedBytes} data-total={view.host.memoryBytes}>
            <div className="stacks-memory-bar" role="meter" aria-label="host memory used" aria-valuemin={0} aria-valuemax={view.host.memoryBytes} aria-valuenow={view.host.usedBytes}>
              <div className="stacks-memory-fill" style={{ width: `${usedFraction * 100}%` }} />
            </div>
            <span data-testid="stacks.memory.text">
              memory {formatBytes(view.host.usedBytes)} of {formatBytes(view.host.memoryBytes)} used
            </span>
          </div>
          {!view.functions && <LaunchClock view={view} />}
          <HostGrid view={view} bootMs={bootMs} />
          <div className="stacks-legend" data-testid="stacks.legend">
            {LEGEND.filter((s) => counts[s] !== undefined || s === 'running').map((s) => (
              <span key={s} className={`stacks-cell ${s}`} data-testid={`stacks.count.${s}`}>
                <svg width="0.9em" height="0.9em" viewBox="0 0 10 10" aria-hidden="true">
                  <rect className="cell-bg" width={10} height={10} rx={2} />
                </svg>{' '}
                {s} {counts[s] ?? 0}
              </span>
            ))}
          </div>
        </section>
      </div>
    </div>
  );
}
