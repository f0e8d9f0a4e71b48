/**
 * Real run: one fixed CPU-bound job (counting primes) split over 1..N worker_threads on this
 * computer, best of a few runs each; measured speedup and efficiency over the Amdahl curve
 * of the serial fraction fitted to them; what starting a thread and a process costs; and an
 * IO-bound job (timer waits) that gets faster with concurrency on a single thread.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { RunReliability } from '../../components/RunReliability';
import { MeasureButton, MeasureChoice, MeasureStatus } from '../../components/MeasureControls';
import { store, useApp } from '../../state/store';
import { runMeasurement } from '../../controller/measure';
import type { SpeedupResult } from '../../../shared/api';
import { SpeedupCurves, type ChartPoint } from './SpeedupCurves';
import { ParallelPythonPanel } from '../python/ParallelPythonPanel';

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): the real run's settings live and die with this scene's panel; they are not in the URL or a scenario.
/** Max workers and repeats of the next run; max workers null = twice this machine's cores. */
export const speedupSettings = createStore<{ maxWorkers: number | null; repeat: number }>()(() => ({ maxWorkers: null, repeat: 3 }));

const REPEATS = [1, 2, 3, 5, 10];

function machineCores(): number {
  const fromHost = store.getState().hostInfo?.machine.cores;
  if (fromHost && fromHost > 0) return fromHost;
  return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 4;
}

function maxWorkersNow(): number {
  return speedupSettings.getState().maxWorkers ?? Math.min(64, 2 * machineCores());
}

/** Starts the speedup measurement with the panel's settings (the R key, the button). */
export function runSpeedup(): Promise<boolean> {
  const maxWorkers = maxWorkersNow();
  const { repeat } = speedupSettings.getState();
  return runMeasurement({ kind: 'speedup', params: { maxWorkers, repeat } }, `Speedup over 1…${maxWorkers} worker threads`);
}

function PointsTable({ result }: { result: SpeedupResult }) {
  return (
    <table className="speedup-table" data-testid="parallel.real.table">
      <thead>
        <tr>
          <th>workers</th>
          <th>seconds</th>
          <th>speedup</th>
          <th>efficiency</th>
        </tr>
      </thead>
      <tbody>
        {result.points.map((p) => (
          <tr key={p.workers} data-testid={`parallel.real.row.${p.workers}`}>
            <td>{p.workers}</td>
            <td>{p.seconds.toFixed(3)}</td>
            <td>×{p.speedup.toFixed(2)}</td>
            <td>
              <span className="eff-bar" style={{ width: `${Math.min(1, p.efficiency) * 4}em` }} />
              {Math.round(p.efficiency * 100)}%
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function IoBars({ io }: { io: SpeedupResult['io'] }) {
  const max = Math.max(...io.map((p) => p.seconds), 1e-9);
  return (
    <div className="io-bars" data-testid="parallel.real.io">
      {io.map((p) => (
        <div key={p.concurrency} className="io-bar" data-testid={`parallel.real.io.${p.concurrency}`} data-seconds={p.seconds.toFixed(4)}>
          <span className="io-label">{p.concurrency} at a time</span>
          <span className="io-track">
            <span className="io-fill" style={{ width: `${(p.seconds / max) * 100}%` }} />
          </span>
          <span className="io-value">{(p.seconds * 1000).toFixed(0)} ms</span>
        </div>
      ))}
    </div>
  );
}

function Result({ result }: { result: SpeedupResult }) {
  const points: ChartPoint[] = result.points.map((p) => ({
    n: p.workers,
    speedup: p.speedup,
    label: `${p.workers} workers: ×${p.speedup.toFixed(2)} (${p.seconds.toFixed(3)} s)`,
    testId: `parallel.real.point.${p.workers}`,
    className: 'measured',
  }));
  const best = result.points.reduce((a, b) => (b.speedup > a.speedup ? b : a), result.points[0]!);
  const s = result.stamp;
  return (
    <>
      <p data-testid="parallel.real.summary">
        Best: <strong>×{best.speedup.toFixed(2)}</strong> with {best.workers} worker{best.workers === 1 ? '' : 's'} on {result.cores} cores. Amdahl's serial
        fraction fitted to these points: <strong data-testid="parallel.real.serial">{result.serialFraction.toFixed(3)}</strong>.
      </p>
      <SpeedupCurves serial={result.serialFraction} points={points} testId="parallel.real.chart" gustafsonCurve={false} coresMark={result.cores} />
      <p className="muted">
        Line: Amdahl with the fitted serial fraction. The fit counts min(workers, cores) as the parallelism: past the cores, threads take turns, which is
        not a serial part of the program.
      </p>
      <PointsTable result={result} />
      <dl className="stats" data-testid="parallel.real.startup">
        <dt>Start a worker thread</dt>
        <dd data-testid="parallel.real.worker-start">{result.workerStartMs.toFixed(1)} ms</dd>
        <dt>Spawn a process</dt>
        <dd data-testid="parallel.real.spawn">
          {result.spawnMs.toFixed(1)} ms{result.spawnCommand ? ` (${result.spawnCommand})` : ''}
        </dd>
      </dl>
      <h3>IO-bound: 64 waits of 10 ms, one thread</h3>
      <p className="muted">No core is busy while a timer runs, so more waits in flight finish sooner even on one core: concurrency without parallelism.</p>
      <IoBars io={result.io} />
      <RunReliability prefix="parallel.real" result={result} />
      <p className="stamp" data-testid="parallel.real.stamp">
        {s.cpuModel} · {s.cores} cores · {s.os} · {s.runtime} · {new Date(result.startedAt).toLocaleString()} · {(result.wallMs / 1000).toFixed(1)} s
      </p>
    </>
  );
}

export function ParallelRealRun() {
  const result = useApp((s) => s.results.speedup);
  const hostCores = useApp((s) => s.hostInfo?.machine.cores);
  const settings = useStore(speedupSettings);
  const maxWorkers = settings.maxWorkers ?? Math.min(64, 2 * (hostCores ?? machineCores()));
  const choices = [...new Set([1, 2, 4, 8, 16, 32, 64, maxWorkers])].sort((a, b) => a - b);
  return (
    <div className="realrun parallel-realrun" data-testid="parallel.real">
      <p>
        One fixed CPU-bound job — counting the primes below 3 million — split over 1, 2, … {maxWorkers} worker threads on this computer, each count run{' '}
        {settings.repeat} time{settings.repeat === 1 ? '' : 's'} (the best is kept).
      </p>
      <div className="row">
        <MeasureChoice label="Up to" value={maxWorkers} values={choices} format={(v) => <>{v} workers</>} onChange={(v) => speedupSettings.setState({ maxWorkers: v })} testId="parallel.real.max-workers" />
        <MeasureChoice label="Runs each" value={settings.repeat} values={REPEATS} onChange={(v) => speedupSettings.setState({ repeat: v })} testId="parallel.real.repeat" />
      </div>
      <div className="row">
        <MeasureButton prefix="parallel.real" label="Measure the speedup" onRun={() => void runSpeedup()} />
      </div>
      <MeasureStatus prefix="parallel.real" />
      {result && <Result result={result} />}
      <ParallelPythonPanel />
    </div>
  );
}
