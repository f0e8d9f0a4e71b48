/**
 * Distributed scene, in Python (self-contained, for the scene to mount): the same word count
 * through `dask.bag` on this machine when Dask is installed — records, words and time beside
 * the model's and the worker_threads run (both passed in as props).
 */
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { useApp } from '../../state/store';
import { PYTHON_LIMITS } from '../../../shared/python';
import { PythonPicker, useChosenPython } from './PythonPicker';
import { pythonParam } from './pythonState';

export interface DaskComparison {
  readonly label: string;
  readonly records: number;
  readonly words?: number;
  readonly seconds?: number;
}

export interface DaskPythonPanelProps {
  /** The text to count (the scene's input), at most 4 MiB. */
  readonly text: string;
  readonly model?: DaskComparison;
  readonly workerThreads?: DaskComparison;
}

export function runPythonDask(text: string): Promise<boolean> {
  return runMeasurement({ kind: 'python-dask', params: { text, ...pythonParam() } }, 'Python: word count with dask.bag');
}

export function DaskPythonPanel({ text, model, workerThreads }: DaskPythonPanelProps) {
  const python = useChosenPython();
  const r = useApp((s) => s.results['python-dask']);
  const tooBig = text.length > PYTHON_LIMITS.dask.textChars;
  const rows: DaskComparison[] = [
    ...(r ? [{ label: `dask.bag (${r.partitions} partitions)`, records: r.records, words: r.words, seconds: r.seconds }] : []),
    ...(model ? [model] : []),
    ...(workerThreads ? [workerThreads] : []),
  ];
  return (
    <section className="python-panel" data-testid="distributed.python">
      <h3>The same word count with Dask</h3>
      <p>
        <code>dask.bag.read_text(…).str.lower().str.split().flatten().frequencies()</code> in your Python, on this machine’s threads.
      </p>
      <PythonPicker prefix="distributed" />
      {python && !python.dask && (
        <p className="python-none" data-testid="distributed.python.no-dask">
          Dask is not installed for {python.executable}: <code>{python.executable} -m pip install "dask[bag]"</code> (or <code>sudo apt install python3-dask</code> for
          Debian’s Python), then press Look again.
        </p>
      )}
      {python?.dask && (
        <>
          <div className="row">
            <MeasureButton prefix="distributed.python" label="Count with Dask" onRun={() => void runPythonDask(text)} />
          </div>
          {tooBig && <p className="field-error">The text is over {PYTHON_LIMITS.dask.textChars.toLocaleString('en-US')} characters; Dask is given at most that.</p>}
          <MeasureStatus prefix="distributed.python" />
          {rows.length > 0 && (
            <table className="python-table" data-testid="distributed.python.table">
              <thead>
                <tr>
                  <th>run</th>
                  <th>records</th>
                  <th>words</th>
                  <th>seconds</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((x) => (
                  <tr key={x.label}>
                    <td>{x.label}</td>
                    <td>{x.records.toLocaleString('en-US')}</td>
                    <td>{x.words?.toLocaleString('en-US') ?? '—'}</td>
                    <td>{x.seconds?.toFixed(3) ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {r && (
            <p className="muted" data-testid="distributed.python.top">
              Most frequent: {r.top.map((t) => `${t.word} ${t.count}`).join(', ')} · {r.distinct.toLocaleString('en-US')} distinct words
            </p>
          )}
        </>
      )}
    </section>
  );
}
