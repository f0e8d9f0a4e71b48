/**
 * Real run: what this machine can start, measured (a call, a worker_thread, a process, a
 * runtime), on one log axis beside the model's documented boot magnitudes (microVM,
 * container, VM), which are labelled as such. Notes say which container engines or
 * hypervisors exist here and that they were not measured.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { RunReliability } from '../../components/RunReliability';
import { MeasureButton, MeasureChoice, MeasureStatus } from '../../components/MeasureControls';
import { useSize } from '../../components/useSize';
import { useApp } from '../../state/store';
import { runMeasurement } from '../../controller/measure';
import { STACKS } from '../../../sim/stacks/stacks';
import type { StartupKind, StartupResult } from '../../../shared/api';
import { startupChartLayout, type StartupBar } from './startupChart';
import { formatMsAligned } from '../../../sim/core/format';

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): the real run's settings live and die with this scene's panel; they are not in the URL or a scenario, and the app store stays free of scene types.
export const startupSettings = createStore<{ repeat: number }>()(() => ({ repeat: 15 }));
const REPEATS = [5, 15, 50];

const KIND_LABEL: Record<StartupKind, string> = {
  call: 'function call',
  worker: 'worker_thread',
  process: 'OS process',
  runtime: 'runtime (node)',
};

/** Starts the start-up measurement with the panel's repeat count (the R key, the button). */
export function runStartup(): Promise<boolean> {
  const { repeat } = startupSettings.getState();
  return runMeasurement({ kind: 'startup', params: { repeat } }, `Start-up: ${repeat} runs of each`);
}

/** Measured bars first, then the model's documented magnitudes. */
export function startupBars(result: StartupResult | undefined): StartupBar[] {
  const measured: StartupBar[] = (result?.results ?? []).map((r) => ({ id: r.kind, label: KIND_LABEL[r.kind], ms: r.medianMs, p90Ms: r.p90Ms, measured: true }));
  const documented: StartupBar[] = (['microvm', 'container', 'vm'] as const).map((id) => ({
    id,
    label: id === 'vm' ? 'VM (doc.)' : id === 'microvm' ? 'microVM (doc.)' : 'container (doc.)',
    ms: STACKS[id].bootMs,
    measured: false,
  }));
  return [...measured, ...documented];
}

function StartupChart({ result }: { result: StartupResult | undefined }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const bars = startupBars(result);
  const layout = startupChartLayout(bars, size.width, size.font);
  return (
    <div ref={boxRef} className="stacks-startup-box">
      <svg width={size.width} height={layout.height} role="img" aria-label="Start-up times on a log axis" data-testid="stacks.real.chart">
        {layout.ticks.map((t) => (
          <g key={t} className="tick">
            <line x1={layout.x(t)} x2={layout.x(t)} y1={0} y2={layout.axisY} />
            <text x={layout.x(t)} y={layout.axisY + size.font * 1.1} textAnchor="middle">
              {formatMsAligned(t)}
            </text>
          </g>
        ))}
        {layout.rows.map((r) => (
          <g key={r.id} className={`startup-bar ${r.measured ? 'measured' : 'documented'}`} data-testid={`stacks.real.bar.${r.id}`} data-ms={r.ms}>
            <text className="startup-label" x={layout.labelWidth - size.font * 0.4} y={r.y + layout.barHeight / 2} textAnchor="end" dominantBaseline="central">
              {r.label}
            </text>
            <rect x={layout.labelWidth} y={r.y} width={r.width} height={layout.barHeight} rx={3} />
            {r.whiskerX !== null && <line className="whisker" x1={layout.labelWidth + r.width} x2={r.whiskerX} y1={r.y + layout.barHeight / 2} y2={r.y + layout.barHeight / 2} />}
            <text className="startup-value" x={Math.max(layout.labelWidth + r.width, r.whiskerX ?? 0) + size.font * 0.4} y={r.y + layout.barHeight / 2} dominantBaseline="central">
              {formatMsAligned(r.ms)}
            </text>
            <title>{r.measured ? `${r.label}: median ${formatMsAligned(r.ms)}${r.p90Ms !== undefined ? `, p90 ${formatMsAligned(r.p90Ms)}` : ''}, measured here` : `${r.label}: ${formatMsAligned(r.ms)}, a documented magnitude from the model, not measured here`}</title>
          </g>
        ))}
      </svg>
    </div>
  );
}

export function StacksRealRun() {
  const result = useApp((s) => s.results.startup);
  const { repeat } = useStore(startupSettings);
  return (
    <div className="realrun stacks-realrun" data-testid="stacks.real">
      <p>
        What it costs on this computer to get code running behind each boundary: a function call in this process, a
        worker_thread (a new JavaScript engine instance), an OS process (<code>/bin/true</code>) and a whole runtime
        (<code>node -e 0</code>). Medians of repeated runs; the thin line reaches the 90th percentile.
      </p>
      <div className="row">
        <MeasureChoice label="Runs of each" value={repeat} values={REPEATS} onChange={(v) => startupSettings.setState({ repeat: v })} testId="stacks.real.repeat" />
        <MeasureButton prefix="stacks.real" label="Measure start-up here" onRun={() => void runStartup()} />
      </div>
      <MeasureStatus prefix="stacks.real" />
      <StartupChart result={result} />
      <p className="legend">
        <span className="swatch measured" /> measured here <span className="swatch documented" /> documented magnitude from the model, not measured here
      </p>
      {result ? (
        <>
          <ul className="stacks-notes" data-testid="stacks.real.notes">
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <RunReliability prefix="stacks.real" result={result} />
          <p className="stamp" data-testid="stacks.real.stamp">
            {result.stamp.cpuModel} · {result.stamp.cores} cores · {result.stamp.os} · {result.stamp.runtime} · {new Date(result.startedAt).toLocaleString()}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="stacks.real.empty">
          Not measured yet: only the documented magnitudes are shown.
        </p>
      )}
    </div>
  );
}
