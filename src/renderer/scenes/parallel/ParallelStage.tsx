/**
 * The parallel scene: a Gantt chart in virtual time. One lane per core (each task in its own
 * colour; context switches, process spawns and data copies in their own patterns), under a
 * GIL a lane for who holds it, I/O waits on lanes of their own, and a thin reference lane of
 * how long one thread takes. The headline: speedup against one thread, wall time against
 * CPU time. Segments change per step (React renders them); the playhead line and the bar a
 * core is working on right now follow the playhead through a transient subscription.
 */
import { Fragment, useEffect, useMemo, useRef } from 'react';
import { store, useApp } from '../../state/store';
import { useSize } from '../../components/useSize';
import type { ParallelView } from './view';
import { ganttLayout, packRows, segmentBox, taskColour } from './charts';
import { convoy, formatDuration, simulatedSpeedup, utilisation } from './headline';
import { STYLE_LABELS } from './ParallelInspector';
import { parallelViewOf } from './stepReadout';

const MAX_IO_ROWS = 8;

function Headline({ view, elapsed }: { view: ParallelView; elapsed: number }) {
  const speedup = simulatedSpeedup(view);
  const wall = view.done ? view.wallNs : elapsed;
  const parallelism = wall > 0 ? view.cpuNs / wall : 0;
  return (
    <div className="parallel-headline" data-testid="parallel.headline">
      <div className="big">
        {view.done && speedup !== null ? (
          <>
            <strong data-testid="parallel.headline.speedup" data-speedup={speedup.toFixed(3)}>
              ×{speedup.toFixed(2)}
            </strong>{' '}
            vs one thread ({formatDuration(view.singleWallNs)} → {formatDuration(view.wallNs)})
          </>
        ) : (
          <span data-testid="parallel.headline.running">running… one thread would take {formatDuration(view.singleWallNs)}</span>
        )}
      </div>
      <dl className="stats inline">
        <dt>Wall</dt>
        <dd data-testid="parallel.headline.wall">{formatDuration(wall)}</dd>
        <dt>CPU</dt>
        <dd data-testid="parallel.headline.cpu">{formatDuration(view.cpuNs)}</dd>
        <dt>CPU ÷ wall</dt>
        <dd title="How many cores were busy on average">{parallelism.toFixed(2)}</dd>
        <dt>Context switches</dt>
        <dd>{view.contextSwitches}</dd>
      </dl>
    </div>
  );
}

function Workers({ view }: { view: ParallelView }) {
  const queued = convoy(view);
  return (
    <div className="parallel-workers" data-testid="parallel.workers">
      {view.workers.map((w) => (
        <span key={w.id} className={`worker-chip ${w.state}`} data-testid={`parallel.worker.${w.id}`} data-state={w.state} title={`worker ${w.id}: ${w.state}, ${formatDuration(w.cpuNs)} of CPU`}>
          w{w.id} <small>{w.state}</small>
        </span>
      ))}
      {view.style === 'gil' && (
        <span className="convoy" data-testid="parallel.convoy" data-count={queued.length}>
          GIL: {view.gilHolder === null ? 'free' : `held by w${view.gilHolder}`}
          {queued.length > 0 && ` · convoy waiting: ${queued.map((id) => `w${id}`).join(' ')}`}
        </span>
      )}
    </div>
  );
}

export function ParallelStage() {
  const frame = useApp((s) => s.frame);
  const span = useApp((s) => s.span);
  const [boxRef, size] = useSize<HTMLDivElement>();
  const view = parallelViewOf(frame) ?? null;
  const elapsed = frame?.t ?? 0;
  const tEnd = Math.max(span.tEnd, view?.singleWallNs ?? 0);
  const playheadRef = useRef<SVGLineElement>(null);
  const liveRefs = useRef<(SVGRectElement | null)[]>([]);

  const io = useMemo(() => (view ? packRows(view.io, MAX_IO_ROWS) : { rows: [], count: 0 }), [view]);
  // Lane heights' worth of rows: the one-thread reference and each I/O row are 0.6 of a core lane.
  const laneUnits = view ? 0.6 + view.cores.length + (view.style === 'gil' ? 1 : 0) + 0.6 * Math.max(1, io.count) : 1;
  // What the headline, the worker chips, the legend and the axis leave of the stage.
  const ganttHeight = size.height - size.font * 11;
  const layout = useMemo(() => ganttLayout(size.width, size.font, tEnd, ganttHeight, laneUnits), [size.width, size.font, tEnd, ganttHeight, laneUnits]);
  const gil = useMemo(
    () =>
      view && view.style === 'gil'
        ? view.cores
            .flatMap((c) => c.segments.filter((s) => s.kind === 'cpu'))
            .sort((a, b) => a.start - b.start)
        : [],
    [view],
  );

  // Where each core's current chunk began: the end of its last recorded segment.
  const liveStart = useMemo(() => view?.cores.map((c) => (c.running ? (c.segments.at(-1)?.end ?? 0) : null)) ?? [], [view]);

  useEffect(() => {
    const paint = () => {
      const { t } = store.getState();
      const x = layout.x(Math.min(t, layout.x.domain()[1]!));
      playheadRef.current?.setAttribute('x1', String(x));
      playheadRef.current?.setAttribute('x2', String(x));
      liveStart.forEach((start, i) => {
        const rect = liveRefs.current[i];
        if (!rect) return;
        if (start === null || t <= start) {
          rect.setAttribute('width', '0');
          return;
        }
        const box = segmentBox(layout.x, start, t);
        rect.setAttribute('x', String(box.x));
        rect.setAttribute('width', String(box.width));
      });
    };
    paint();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t) paint();
    });
  }, [layout, liveStart]);

  if (!view) return <div className="parallel" ref={boxRef} data-testid="parallel.stage" />;

  const font = size.font;
  const lane = layout.laneHeight;
  const rowH = lane + layout.gap;
  const ioLane = lane * 0.6;
  let y = font * 0.4;
  const singleY = y;
  y += lane * 0.6 + layout.gap * 2;
  const coreY = view.cores.map((_, i) => y + i * rowH);
  y += view.cores.length * rowH + layout.gap;
  const gilY = view.style === 'gil' ? y : null;
  if (gilY !== null) y += rowH + layout.gap;
  const ioY = y;
  y += Math.max(1, io.count) * (ioLane + layout.gap) + layout.gap;
  const axisY = y;
  const height = axisY + font * 1.6;
  const runningCores = view.cores.filter((c) => c.running !== null).length;
  const [x0, x1] = layout.x.range() as [number, number];
  const ticks = layout.x.ticks(6);

  return (
    <div className="parallel" ref={boxRef} data-testid="parallel.stage" data-step={frame?.step ?? 0} data-style={view.style} data-running-cores={runningCores} data-done={view.done}>
      <Headline view={view} elapsed={elapsed} />
      <svg className="parallel-gantt" width={size.width} height={height} role="img" aria-label={`Gantt chart: ${STYLE_LABELS[view.style] ?? view.style}, ${view.cores.length} cores`} data-testid="parallel.gantt">
        <g data-testid="parallel.single">
          <text className="lane-label" x={font * 0.2} y={singleY + lane * 0.45}>
            one thread
          </text>
          <rect className="single-ref" x={x0} y={singleY} width={Math.max(1, layout.x(view.singleWallNs) - x0)} height={lane * 0.5} />
        </g>
        {view.cores.map((core, i) => {
          const cy = coreY[i]!;
          const used = utilisation(core.busyNs, view.done ? view.wallNs : elapsed);
          return (
            <g key={core.id} data-testid={`parallel.core.${core.id}`} data-running={core.running ? `${core.running.task}` : ''} data-busy-ns={core.busyNs}>
              <text className="lane-label" x={font * 0.2} y={cy + lane * 0.65}>
                core {core.id}
              </text>
              <rect className="lane-track" x={x0} y={cy} width={x1 - x0} height={lane} />
              {core.segments.map((seg, j) => {
                const box = segmentBox(layout.x, seg.start, seg.end);
                // The task's number on its bar where it fits: identity by more than colour.
                const label = seg.kind === 'cpu' && box.width >= font * 1.8 && (
                  <text className="seg-label" x={box.x + box.width / 2} y={cy + lane / 2} textAnchor="middle" dominantBaseline="central" aria-hidden="true">
                    {seg.task}
                  </text>
                );
                return (
                  <Fragment key={j}>
                    <rect
                      className={`seg ${seg.kind}`}
                      x={box.x}
                      y={cy}
                      width={box.width}
                      height={lane}
                      style={seg.kind === 'cpu' ? { fill: taskColour(seg.task) } : undefined}
                      data-testid={`parallel.core.${core.id}.seg.${j}`}
                      data-kind={seg.kind}
                      data-task={seg.task}
                      data-worker={seg.worker}
                      data-start={seg.start}
                      data-end={seg.end}
                    >
                      <title>{`${seg.kind === 'cpu' ? `task ${seg.task}` : seg.kind} on worker ${seg.worker}: ${formatDuration(seg.start)} → ${formatDuration(seg.end)}`}</title>
                    </rect>
                    {label}
                  </Fragment>
                );
              })}
              <rect
                ref={(el) => {
                  liveRefs.current[i] = el;
                }}
                className="seg live"
                x={x0}
                y={cy}
                width={0}
                height={lane}
                style={core.running ? { fill: taskColour(core.running.task) } : undefined}
                data-testid={`parallel.core.${core.id}.live`}
              />
              <text className="lane-util" x={x1 + font * 0.4} y={cy + lane * 0.65} data-testid={`parallel.core.${core.id}.util`}>
                {Math.round(used * 100)}%
              </text>
            </g>
          );
        })}
        {gilY !== null && (
          <g data-testid="parallel.gil" data-holder={view.gilHolder ?? ''}>
            <text className="lane-label" x={font * 0.2} y={gilY + lane * 0.65}>
              GIL holder
            </text>
            <rect className="lane-track" x={x0} y={gilY} width={x1 - x0} height={lane} />
            {gil.map((seg, j) => {
              const box = segmentBox(layout.x, seg.start, seg.end);
              return (
                <rect key={j} className="seg gil" x={box.x} y={gilY + lane * 0.15} width={box.width} height={lane * 0.7} style={{ fill: taskColour(seg.task) }} data-worker={seg.worker}>
                  <title>{`worker ${seg.worker} holds the GIL: ${formatDuration(seg.start)} → ${formatDuration(seg.end)}`}</title>
                </rect>
              );
            })}
          </g>
        )}
        <g data-testid="parallel.io" data-count={view.io.length}>
          <text className="lane-label" x={font * 0.2} y={ioY + ioLane * 0.8}>
            I/O waits
          </text>
          {view.io.map((w, k) => {
            const end = w.end ?? Math.max(elapsed, w.start);
            const box = segmentBox(layout.x, w.start, end);
            const iy = ioY + (io.rows[k] ?? 0) * (ioLane + layout.gap);
            return (
              <rect
                key={k}
                className={`seg io${w.end === null ? ' open' : ''}`}
                x={box.x}
                y={iy}
                width={box.width}
                height={ioLane}
                style={{ fill: taskColour(w.task) }}
                data-testid={`parallel.io.${k}`}
                data-task={w.task}
                data-start={w.start}
                data-end={w.end ?? ''}
              >
                <title>{`task ${w.task} (worker ${w.worker}) waits on ${w.what}: ${formatDuration(w.start)} → ${w.end === null ? '…' : formatDuration(w.end)}`}</title>
              </rect>
            );
          })}
        </g>
        <g className="axis">
          <line className="axis-line" x1={x0} x2={x1} y1={axisY} y2={axisY} />
          {ticks.map((tick) => (
            <text key={tick} className="tick" x={layout.x(tick)} y={axisY + font * 1.2} textAnchor="middle">
              {formatDuration(tick)}
            </text>
          ))}
        </g>
        <line ref={playheadRef} className="playhead" x1={x0} x2={x0} y1={0} y2={axisY} data-testid="parallel.playhead" />
      </svg>
      <Workers view={view} />
      <p className="parallel-legend muted">
        <span className="key cpu" /> computing (a colour per task) <span className="key switch" /> context switch <span className="key spawn" /> process spawn{' '}
        <span className="key copy" /> copying data <span className="key io" /> waiting on I/O
      </p>
    </div>
  );
}
