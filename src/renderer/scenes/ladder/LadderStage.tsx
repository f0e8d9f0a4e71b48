/**
 * The ladder: one row per rung, bars on the timeline's scale (log by default), the human-scale column, and a request
 * that travels down the route. React renders the rows when the step changes; the moving
 * fill, the request dot and the time marker follow the playhead through a transient
 * subscription into refs.
 */
import { useSize } from '../../components/useSize';
import { useEffect, useMemo, useRef } from 'react';
import { axisBottom, select } from 'd3';
import { store, useApp } from '../../state/store';
import { ladderRungs, type LadderRung } from '../../../sim/ladder/rungs';
import { formatDuration, humanSeconds } from '../../../sim/ladder/scale';
import { decadeTicks, fillWidth, ladderLayout, type LadderLayout } from './layout';
import { resolveLadderMachine } from './machine';
import { SHORT_LABELS } from './labels';
import { ladderViewOf } from './stepReadout';
import { formatNs } from '../../../sim/core/format';

function TimeAxis({ layout }: { layout: LadderLayout }) {
  const ref = useRef<SVGGElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const axis = axisBottom(layout.timeX).tickFormat((d) => formatNs(Number(d)));
    const maxTicks = Math.max(2, Math.floor((layout.barX1 - layout.barX0) / (layout.font * 4.5)));
    if (layout.logTime) axis.tickValues(decadeTicks(layout.timeX.domain() as [number, number], maxTicks));
    else axis.ticks(maxTicks);
    // d3 owns this node alone.
    select(ref.current).call(axis);
  }, [layout]);
  return <g ref={ref} className="axis" transform={`translate(0,${layout.axisY})`} data-testid="ladder.time-axis" />;
}

export function LadderStage() {
  const params = useApp((s) => s.params);
  const frame = useApp((s) => s.frame);
  const span = useApp((s) => s.span);
  const scale = useApp((s) => s.scale);
  const results = useApp((s) => s.results);
  const osCaches = useApp((s) => s.osCaches);
  const hostInfo = useApp((s) => s.hostInfo);
  const [boxRef, size] = useSize<HTMLDivElement>();

  const machine = useMemo(
    () => resolveLadderMachine(params, { ...store.getState(), results, osCaches, hostInfo }).machine,
    [params, results, osCaches, hostInfo],
  );
  const rungs = useMemo(() => ladderRungs(machine), [machine]);
  const layout = useMemo(() => ladderLayout(size.width, size.height, size.font, rungs, span, scale), [size, rungs, span, scale]);
  const view = ladderViewOf(frame) ?? null;
  const anchor = rungs.find((r) => r.id === 'l1')?.ns ?? null;

  const fillRef = useRef<SVGRectElement>(null);
  const dotRef = useRef<SVGCircleElement>(null);
  const markerRef = useRef<SVGGElement>(null);
  const statusRef = useRef<SVGTextElement>(null);

  const rowOf = useMemo(() => new Map(rungs.map((r, i) => [r.id, i])), [rungs]);
  const current = view && view.current >= 0 && view.current < view.route.length ? view.route[view.current]! : null;
  const currentVisit = view && current ? view.visits[view.current] : undefined;
  const currentRung = current ? rungs.find((r) => r.id === current) : undefined;

  useEffect(() => {
    const paint = () => {
      const { t } = store.getState();
      const markerX = layout.timeX(Math.max(t, layout.timeX.domain()[0]!));
      markerRef.current?.setAttribute('transform', `translate(${markerX},${layout.axisY})`);
      if (!currentRung || !currentVisit || currentRung.ns === null) {
        fillRef.current?.setAttribute('width', '0');
        dotRef.current?.setAttribute('visibility', 'hidden');
        if (statusRef.current) statusRef.current.textContent = view && view.current >= view.route.length ? `Done: the request took ${formatNs(view.elapsed)} in all.` : 'Press play: a request is about to set off.';
        return;
      }
      const elapsed = Math.max(0, t - currentVisit.start);
      const width = fillWidth(layout, elapsed, currentRung.ns);
      fillRef.current?.setAttribute('width', String(width));
      dotRef.current?.setAttribute('visibility', 'visible');
      dotRef.current?.setAttribute('cx', String(layout.barX0 + width));
      if (statusRef.current) statusRef.current.textContent = `The request is at ${SHORT_LABELS[currentRung.id] ?? currentRung.label}: ${formatNs(elapsed)} of ${formatNs(currentRung.ns)}.`;
    };
    paint();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t) paint();
    });
  }, [layout, currentRung, currentVisit, view]);

  const stateOf = (rung: LadderRung): string => {
    if (rung.ns === null) return 'missing';
    if (!view) return 'pending';
    const index = view.route.indexOf(rung.id);
    if (index < 0) return 'off-route';
    if (index < view.current) return 'visited';
    if (index === view.current) return 'current';
    return 'pending';
  };
  const currentRow = current !== null ? (rowOf.get(current) ?? -1) : -1;
  const missingText = machine.measured ? 'not measured' : 'not in this table';

  return (
    <div className="ladder" ref={boxRef}>
      <svg width={size.width} height={size.height} role="img" aria-label={`Latency ladder, ${machine.name}`} data-testid="ladder.svg">
        <text className="col-head" x={layout.labelX} y={layout.font * 1.3}>
          {machine.name}
        </text>
        <text className="col-head" x={layout.barX0} y={layout.font * 1.3}>
          {scale === 'log' ? 'latency (log scale)' : 'latency (linear scale: the short rungs are too thin to see)'}
        </text>
        <text className="col-head" x={layout.humanX} y={layout.font * 1.3}>
          if L1 took 1 s
        </text>
        {rungs.map((rung, i) => {
          const y = layout.rowY(i);
          const mid = y + layout.rowH / 2;
          const state = stateOf(rung);
          const human = rung.ns !== null && anchor !== null ? formatDuration(humanSeconds(rung.ns, anchor)) : '—';
          return (
            <g key={rung.id} className={`rung ${state}`} data-testid={`ladder.rung.${rung.id}`} data-state={state}>
              <title>{`${rung.label}: ${rung.ns === null ? missingText : formatNs(rung.ns)}${rung.source ? ` (source: ${rung.source})` : ''}`}</title>
              <text className="rung-label" x={layout.labelX} y={mid} dominantBaseline="central">
                {SHORT_LABELS[rung.id] ?? rung.label}
              </text>
              {rung.ns !== null ? (
                <>
                  <rect className="bar-track" x={layout.barX0} y={mid - layout.barH / 2} width={layout.x(rung.ns) - layout.barX0} height={layout.barH} rx={3} />
                  {state === 'visited' && (
                    <rect className="bar-done" x={layout.barX0} y={mid - layout.barH / 2} width={layout.x(rung.ns) - layout.barX0} height={layout.barH} rx={3} />
                  )}
                  <text className="rung-value" x={layout.valueX} y={mid} dominantBaseline="central">
                    {formatNs(rung.ns)}
                  </text>
                  <text className="rung-human" x={layout.humanX} y={mid} dominantBaseline="central" data-testid={`ladder.human.${rung.id}`}>
                    {human}
                  </text>
                </>
              ) : (
                <text className="rung-missing" x={layout.barX0} y={mid} dominantBaseline="central">
                  {missingText}
                </text>
              )}
            </g>
          );
        })}
        {currentRow >= 0 && (
          <g data-testid="ladder.request">
            <rect
              ref={fillRef}
              className="bar-fill"
              x={layout.barX0}
              y={layout.rowY(currentRow) + layout.rowH / 2 - layout.barH / 2}
              width={0}
              height={layout.barH}
              rx={3}
            />
            <circle ref={dotRef} className="request-dot" cx={layout.barX0} cy={layout.rowY(currentRow) + layout.rowH / 2} r={layout.barH * 0.55} />
          </g>
        )}
        <TimeAxis layout={layout} />
        <g ref={markerRef} className="time-marker" data-testid="ladder.time-marker">
          <line y1={-layout.font * 0.9} y2={layout.font * 0.3} />
        </g>
        <text ref={statusRef} className="status" x={layout.barX0} y={layout.axisY + layout.font * 2.6} data-testid="ladder.status" />
        <text className="axis-caption" x={layout.labelX} y={layout.axisY + layout.font * 0.9}>
          elapsed
        </text>
      </svg>
    </div>
  );
}
