/**
 * Distributed scene, in Python (mounted in the scene's real-run panel): the same word count
 * through `dask.bag` on this machine when Dask is installed, over the same text the scene's
 * worker_threads run counts (its generated text by size, or the chosen file's text) — lines,
 * words, distinct words and time beside the model's and the worker_threads run's (props).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { useApp } from '../../state/store';
import { PYTHON_LIMITS } from '../../../shared/python';
import { PythonPicker, useChosenPython } from './PythonPicker';
import { pythonParam } from './pythonState';

/** One row beside Dask's: what another run (or the model) counted over the same text. */
export interface DaskComparison {
  readonly label: string;
  readonly lines?: number;
  readonly words?: number;
  readonly distinct?: number;
  readonly seconds?: number;
}

/** The text to count: the scene's generated text by size, or a chosen text (at most 4 Mi characters). */
export type DaskInput = { readonly sizeMB: number } | { readonly text: string; readonly name: string };

export interface DaskPythonPanelProps {
  readonly input: DaskInput;
  /** Rows to show beside Dask's once it has run over the same input (empty: nothing to compare). */
  readonly compare?: readonly DaskComparison[];
}

const describeInput = (input: DaskInput): string => ('sizeMB' in input ? `${input.sizeMB} MB generated` : input.name);

/** Which input the last Dask run was started over (the result itself does not carry the text). */
export const daskRunInput = createStore<{ label: string | null }>()(() => ({ label: null }));

export function runPythonDask(input: DaskInput): Promise<boolean> {
  daskRunInput.setState({ label: describeInput(input) });
  const params = 'sizeMB' in input ? { sizeMB: input.sizeMB } : { text: input.text };
  return runMeasurement({ kind: 'python-dask', params: { ...params, ...pythonParam() } }, `Python: word count with dask.bag over ${describeInput(input)}`);
}

const fmt = (x: number | undefined): string => (x === undefined ? '—' : x.toLocaleString('en-US'));

export function DaskPythonPanel({ input, compare: given = [] }: DaskPythonPanelProps) {
  const python = useChosenPython();
  const r = useApp((s) => s.results['python-dask']);
  const ranOver = useStore(daskRunInput).label;
  const stale = r !== undefined && ranOver !== null && ranOver !== describeInput(input);
  const compare = stale ? [] : given;
  const tooBig = 'text' in input && input.text.length > PYTHON_LIMITS.dask.textChars;
  const dask: DaskComparison | null = r ? { label: `dask.bag ×${r.partitions}`, lines: r.records, words: r.words, distinct: r.distinct, seconds: r.seconds } : null;
  const rows = dask ? [dask, ...compare] : [];
  const differ = (k: 'lines' | 'words' | 'distinct') => dask !== null && compare.some((c) => c[k] !== undefined && c[k] !== dask[k]);
  const anyDiffer = differ('lines') || differ('words') || differ('distinct');
  return (
    <section className="python-panel" data-testid="distributed.python">
      <h3>The same word count with Dask</h3>
      <p>
        <code>dask.bag.read_text(…).map(tokens).flatten().frequencies()</code> in your Python, on this machine’s threads, over the same text ({describeInput(input)}) and with the
        same tokens as the model: A–Z lowercased, a word is a run of letters a–z and digits.
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
            <MeasureButton prefix="distributed.python" label="Count with Dask" onRun={() => void runPythonDask(input)} />
          </div>
          {tooBig && (
            <p className="field-error" data-testid="distributed.python.too-big">
              The chosen text is over {PYTHON_LIMITS.dask.textChars.toLocaleString('en-US')} characters; Dask is given at most that here (use nanoscope measure python-dask --input FILE for more).
            </p>
          )}
          <MeasureStatus prefix="distributed.python" />
          {rows.length > 0 && (
            <div className="python-scroll" tabIndex={0} role="region" aria-label="Word counts: Dask beside the others">
            <table className="python-table dask-table" data-testid="distributed.python.table">
              <thead>
                <tr>
                  <th>run</th>
                  <th>lines</th>
                  <th>words</th>
                  <th>distinct</th>
                  <th>s</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((x, k) => (
                  <tr key={x.label} data-testid={`distributed.python.row.${k}`}>
                    <td>{x.label}</td>
                    <td>{fmt(x.lines)}</td>
                    <td>{fmt(x.words)}</td>
                    <td>{fmt(x.distinct)}</td>
                    <td>{x.seconds?.toFixed(3) ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
          {rows.length > 0 && (
            <p className="muted">
              Lines: the records read. Words: the map’s output records (one per word). Distinct: the reduce’s output records. s: seconds of the count (the worker_threads
              run: the median of its fastest configuration). dask.bag ×N: N partitions. The model: its shuffle records with one mapper and one reducer — one per word without
              the combiner, one per distinct word with it. Dask runs on threads here
              (scheduler=&apos;threads&apos;): tokenizing is Python code that holds the GIL, so its partitions take turns — which is why dask.bag’s own default is processes.
            </p>
          )}
          {r && compare.length > 0 && (
            <p className={anyDiffer ? 'verdict-differ' : 'verdict-agree'} data-testid="distributed.python.verdict">
              {anyDiffer
                ? `The counts differ: ${(['lines', 'words', 'distinct'] as const).filter(differ).join(', ')} — the same text and tokens should give the same counts.`
                : 'Same lines, words and distinct words as the rows below Dask’s: the same job, a different engine.'}
            </p>
          )}
          {stale && (
            <p className="muted" data-testid="distributed.python.stale">
              Dask counted {ranOver}; the text chosen now is {describeInput(input)} — press Count with Dask to compare over the same text.
            </p>
          )}
          {r && !stale && compare.length === 0 && (
            <p className="muted" data-testid="distributed.python.alone">
              Run the word count here (above) over the same text to see its counts and time beside Dask’s.
            </p>
          )}
          {r && (
            <p className="muted" data-testid="distributed.python.top">
              Most frequent: {r.top.map((t) => `${t.word} ${t.count}`).join(', ')} · {r.python.implementation} {r.python.version}, Dask {r.python.dask}
              {r.load.note ? ` · ${r.load.note}` : ''}
            </p>
          )}
        </>
      )}
    </section>
  );
}
