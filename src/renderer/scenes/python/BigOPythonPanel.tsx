/**
 * Big O scene, in Python (self-contained, for the scene to mount): the list/deque/string/
 * anagram cells timed over n in the user's CPython, and `sys.getsizeof` after each append
 * beside the model's capacities (passed in as props; CPython's own rule when none is given).
 */
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { useApp } from '../../state/store';
import { firstDifference, listSizesByRule, ruleOf } from './bigoCompare';
import { PythonPicker, useChosenPython } from './PythonPicker';
import { pythonParam } from './pythonState';

export interface BigOPythonPanelProps {
  /** The model's sys.getsizeof after each append (bytes), and its name for the label. */
  readonly model?: { readonly listSizes: readonly number[]; readonly label: string };
  /** Sizes to time the ops at; default 1,000, 10,000, 100,000. */
  readonly sizes?: readonly number[];
}

const APPENDS = 64;

export function runPythonBigO(sizes?: readonly number[]): Promise<boolean> {
  return runMeasurement({ kind: 'python-bigo', params: { appends: APPENDS, ...(sizes ? { sizes: [...sizes] } : {}), ...pythonParam() } }, 'Python: list, deque, str and anagram cells over n');
}

const ns = (s: number): string => (s * 1e9 >= 1e6 ? `${(s * 1e3).toFixed(2)} ms` : s * 1e9 >= 1e3 ? `${(s * 1e6).toFixed(1)} µs` : `${(s * 1e9).toFixed(1)} ns`);

export function BigOPythonPanel({ model, sizes }: BigOPythonPanelProps) {
  const python = useChosenPython();
  const r = useApp((s) => s.results['python-bigo']);
  const rule = r ? ruleOf(r.python.implementation, r.python.version) : null;
  const expected = model?.listSizes ?? (rule ? listSizesByRule(rule, APPENDS) : null);
  const label = model?.label ?? (rule ? `CPython’s ${rule} growth rule` : 'no model');
  const diff = r && expected ? firstDifference(r.list_sizes, expected) : -1;
  const ns_ = r ? [...new Set(r.ops.map((o) => o.n))] : [];
  const ops = r ? [...new Set(r.ops.map((o) => o.op))] : [];
  return (
    <section className="python-panel" data-testid="bigo.python">
      <h3>The same cells in Python</h3>
      <p>
        <code>list.append</code>, <code>insert(0, x)</code>, <code>pop()</code>, <code>pop(0)</code>, <code>deque.appendleft</code>/<code>popleft</code>,{' '}
        <code>s += 'x'</code> vs <code>''.join</code>, and the anagram check by sorting vs by counting, timed in your Python at several n; and{' '}
        <code>sys.getsizeof</code> of a list after each of {APPENDS} appends.
      </p>
      <PythonPicker prefix="bigo" />
      {python && (
        <>
          <div className="row">
            <MeasureButton prefix="bigo.python" label="Run the cells in Python" onRun={() => void runPythonBigO(sizes)} />
          </div>
          <MeasureStatus prefix="bigo.python" />
          {r ? (
            <>
              <h4>sys.getsizeof after each append</h4>
              <p className="python-code" data-testid="bigo.python.sizes">
                {r.list_sizes.join(' ')}
              </p>
              {expected && (
                <p className={diff < 0 ? 'verdict-agree' : 'verdict-differ'} data-testid="bigo.python.sizes.verdict">
                  {diff < 0
                    ? `Agrees exactly with ${label} over ${Math.min(r.list_sizes.length, expected.length)} appends.`
                    : `Differs from ${label} at append ${diff + 1}: ${r.list_sizes[diff]} bytes here, ${expected[diff]} in the model${rule && rule !== '3.9+' ? ` (this ${r.python.version} uses the pre-3.9 rule n + n/8 + 3 or 6)` : ''}.`}
                </p>
              )}
              {!rule && <p className="muted">{r.python.implementation} is not CPython: its lists grow by their own rule.</p>}
              <table className="python-table" data-testid="bigo.python.ops">
                <thead>
                  <tr>
                    <th>per op</th>
                    {ns_.map((n) => (
                      <th key={n}>n = {n.toLocaleString('en-US')}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ops.map((op) => (
                    <tr key={op}>
                      <td>{op}</td>
                      {ns_.map((n) => {
                        const x = r.ops.find((o) => o.op === op && o.n === n);
                        return <td key={n}>{x ? ns(x.seconds_per_op) : '—'}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="stamp">
                {r.python.implementation} {r.python.version} · {r.python.executable} · {new Date(r.startedAt).toLocaleString()}
                {r.load.note ? ` · ${r.load.note}` : ''}
              </p>
            </>
          ) : (
            <p className="muted">Not run yet.</p>
          )}
        </>
      )}
    </section>
  );
}
