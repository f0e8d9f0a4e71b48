/**
 * Parallel scene, in Python: one CPU-bound pure-Python kernel on 1 thread, N threads and N
 * processes (N = min(cores, 4)), and an IO-bound variant (sleeps) where threads do help —
 * the measured speed-ups beside the GIL model's.
 */
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { store, useApp } from '../../state/store';
import type { PythonMeasurementResult } from '../../../shared/api';
import { PythonPicker, useChosenPython } from './PythonPicker';
import { pythonParam } from './pythonState';

type GilResult = Extract<PythonMeasurementResult, { kind: 'python-gil' }>;

function workersNow(): number {
  const cores = store.getState().hostInfo?.machine.cores ?? 4;
  return Math.max(1, Math.min(cores, 4));
}

export function runPythonGil(): Promise<boolean> {
  const workers = workersNow();
  return runMeasurement({ kind: 'python-gil', params: { workers, ...pythonParam() } }, `Python: 1 thread, ${workers} threads, ${workers} processes`);
}

function Result({ r }: { r: GilResult }) {
  const max = Math.max(...r.results.map((x) => x.seconds), 1e-9);
  const model = { single: 1, threads: r.model.threads, processes: r.model.processes } as const;
  const measured = { single: 1, threads: r.speedup.threads, processes: r.speedup.processes } as const;
  const ioMax = Math.max(...r.io.results.map((x) => x.seconds), 1e-9);
  return (
    <>
      <table className="python-table" data-testid="parallel.python.table">
        <thead>
          <tr>
            <th>style</th>
            <th title="median of the runs; hover a row for min–max">seconds</th>
            <th>speed-up</th>
            <th>model</th>
          </tr>
        </thead>
        <tbody>
          {r.results.map((x) => (
            <tr key={x.style} data-testid={`parallel.python.row.${x.style}`} title={`${x.spread.repeats} runs: ${x.spread.min.toFixed(3)}–${x.spread.max.toFixed(3)} s`}>
              <td>
                {x.style} ({x.workers})
              </td>
              <td>
                <span className="python-bar" style={{ width: `${(x.seconds / max) * 2}em` }} />
                {x.seconds.toFixed(3)}
              </td>
              <td data-testid={`parallel.python.speedup.${x.style}`}>×{measured[x.style].toFixed(2)}</td>
              <td>×{model[x.style].toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="parallel.python.summary">
        Threads: <strong>×{r.speedup.threads.toFixed(2)}</strong> (the scene’s model: ×{r.model.threads.toFixed(2)} — {r.model.rule}). Processes:{' '}
        <strong>×{r.speedup.processes.toFixed(2)}</strong> (the scene’s model: ×{r.model.processes.toFixed(2)} on {r.cores} cores; start-up of the pool included).
      </p>
      <h4>IO-bound: {r.io.waits} waits of {r.io.wait_ms} ms</h4>
      <p className="muted">A thread waiting in <code>time.sleep</code> lets go of the GIL, so threads overlap the waits even though only one runs Python at a time.</p>
      <table className="python-table" data-testid="parallel.python.io">
        <tbody>
          {r.io.results.map((x) => (
            <tr key={x.style}>
              <td>
                {x.style} ({x.workers})
              </td>
              <td>
                <span className="python-bar" style={{ width: `${(x.seconds / ioMax) * 4}em` }} />
                {x.seconds.toFixed(3)} s
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Threads on waits: <strong data-testid="parallel.python.io.speedup">×{r.io.speedup.threads.toFixed(2)}</strong> (the scene’s model: ×{r.model.io_threads.toFixed(2)} on its io-bound job: the GIL is free while a thread waits)
      </p>
      <details>
        <summary>The kernel ({r.kernel.iterations.toLocaleString('en-US')} iterations in all, split over the workers)</summary>
        <pre className="python-code">{r.kernel.code}</pre>
      </details>
      <p className="stamp" data-testid="parallel.python.stamp">
        {r.python.implementation} {r.python.version} · {r.python.executable} · {r.stamp.cpuModel} · {r.cores} cores · {new Date(r.startedAt).toLocaleString()}
        {r.load.note ? ` · ${r.load.note}` : ''}
      </p>
    </>
  );
}

export function ParallelPythonPanel() {
  const python = useChosenPython();
  const result = useApp((s) => s.results['python-gil']);
  const cores = useApp((s) => s.hostInfo?.machine.cores);
  const workers = Math.max(1, Math.min(cores ?? 4, 4));
  return (
    <section className="python-panel" data-testid="parallel.python">
      <h3>The GIL, measured in Python</h3>
      <p>
        One CPU-bound pure-Python loop, the same total work on 1 thread, {workers} threads (<code>threading</code>) and {workers} processes (
        <code>concurrent.futures.ProcessPoolExecutor</code>), 3 runs each.
      </p>
      <PythonPicker prefix="parallel" />
      {python && (
        <>
          <div className="row">
            <MeasureButton prefix="parallel.python" label="Run it in Python" onRun={() => void runPythonGil()} />
          </div>
          <MeasureStatus prefix="parallel.python" />
          {result ? <Result r={result} /> : <p className="muted">Not run yet. The model expects ×1 from threads and ×{Math.min(workers, cores ?? workers)} from processes.</p>}
        </>
      )}
    </section>
  );
}
