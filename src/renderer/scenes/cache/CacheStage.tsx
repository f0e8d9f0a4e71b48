/**
 * The Memory Hierarchy stage: the two patterns side by side on the same hierarchy, a
 * headline with the verdict, and the charts over machine time. A trace file dropped on the
 * stage runs through the hierarchy in a worker (results in the Inspector).
 */
import { useSize } from '../../components/useSize';
import { useState, type DragEvent } from 'react';
import { useApp } from '../../state/store';
import { headline } from './headline';
import { CacheSide } from './CacheSide';
import { CacheCharts } from './CacheCharts';
import { useSeries } from './useSeries';
import { resolveCacheMachine } from './machine';
import { runTrace, useTrace } from './traceRun';
import { cacheViewOf } from './stepReadout';

function TraceBanner() {
  const status = useTrace((s) => s.status);
  const fileName = useTrace((s) => s.fileName);
  const progress = useTrace((s) => s.progress);
  if (status === 'idle' || status === 'cancelled') return null;
  const text =
    status === 'running'
      ? `Running ${fileName}: ${progress && progress.totalBytes > 0 ? Math.round((progress.bytesRead / progress.totalBytes) * 100) : 0} %…`
      : status === 'done'
        ? `Trace ${fileName} done: counters in the Inspector.`
        : `Trace ${fileName} failed: see the Inspector.`;
  return (
    <p className={`cache-trace-banner ${status}`} data-testid="cache.trace-banner">
      {text}
    </p>
  );
}

export function CacheStage() {
  const frame = useApp((s) => s.frame);
  const params = useApp((s) => s.params);
  const series = useSeries();
  const [boxRef, size] = useSize<HTMLDivElement>();
  const [dragging, setDragging] = useState(false);
  const view = cacheViewOf(frame) ?? null;
  const sideWidth = Math.max(160, Math.floor((size.width - size.font * 2.2) / 2));
  const [sidesRef, sides] = useSize<HTMLDivElement>();
  // The charts take what the sides leave (headline ≈ 3 lines), within reason.
  const chartHeight = Math.max(size.font * 7, Math.min(size.font * 22, size.height - sides.height - size.font * 5));

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    setDragging(false);
    const file = event.dataTransfer.files[0];
    // Scenario and lesson files (JSON) go on to the app's own drop handler.
    if (!file || file.name.toLowerCase().endsWith('.json')) return;
    event.preventDefault();
    runTrace(file, resolveCacheMachine(params).machine);
  };

  return (
    <div
      className={`cache-stage${dragging ? ' dragging' : ''}`}
      ref={boxRef}
      // It scrolls when the window is short (a projector): the keyboard can scroll it too.
      tabIndex={0}
      aria-label="Memory hierarchy: both traversals and their charts"
      data-testid="cache.stage"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className="cache-headline" data-testid="cache.headline">
        {view ? headline(view) : 'Loading…'}
      </p>
      <TraceBanner />
      <div className="cache-sides" ref={sidesRef}>
        {view && (
          <>
            <CacheSide side={view.sides[0]} index={0} width={sideWidth} font={size.font} />
            <CacheSide side={view.sides[1]} index={1} width={sideWidth} font={size.font} />
          </>
        )}
      </div>
      {view && <CacheCharts series={series} width={size.width - size.font} font={size.font} height={chartHeight} />}
      {dragging && <div className="cache-drop">Drop a lackey or din trace (gzipped or not) to run it through this hierarchy</div>}
    </div>
  );
}
