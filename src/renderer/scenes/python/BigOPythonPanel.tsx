/**
 * Big O scene, in Python (mounted in the scene's real-run panel): the list/deque/string/anagram
 * cells timed over n in the user's CPython, and `sys.getsizeof` after every op of a fixed program
 * (BIGO_PROGRAM) beside the scene's model of CPython 3.11 (passed in as props), row by row.
 */
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { useApp } from '../../state/store';
import { BIGO_PROGRAM } from '../../../shared/python';
import { firstDifference, listSizesByRule, programRows, ruleOf, runsOf, versionNote } from './bigoCompare';
import { PythonPicker, useChosenPython } from './PythonPicker';
import { pythonParam } from './pythonState';

export interface BigOPythonPanelProps {
  /**
   * The model's sys.getsizeof after each append (bytes), after every op of BIGO_PROGRAM per
   * structure, the Python version it models (e.g. "3.11"), and its name for the label.
   */
  readonly model?: {
    readonly listSizes: readonly number[];
    readonly label: string;
    readonly program?: { readonly list: readonly number[]; readonly deque: readonly number[] };
    readonly version?: string;
  };
  /** Sizes to time the ops at; default 1,000, 10,000, 100,000. */
  readonly sizes?: readonly number[];
}

export const APPENDS = 64;

export function runPythonBigO(sizes?: readonly number[]): Promise<boolean> {
  return runMeasurement({ kind: 'python-bigo', params: { appends: APPENDS, ...(sizes ? { sizes: [...sizes] } : {}), ...pythonParam() } }, 'Python: list, deque, str and anagram cells over n');
}

const OP_CODE: Record<string, string> = {
  append: '.append(x)',
  pop: '.pop()',
  insert0: '.insert(0, x)',
  pop0: '.pop(0)',
  appendleft: '.appendleft(x)',
  popleft: '.popleft()',
};

function ProgramTable({ structure, python, model }: { structure: 'list' | 'deque'; python: readonly number[]; model: readonly number[] }) {
  const rows = programRows(BIGO_PROGRAM[structure], python, model);
  return (
    <div className="python-scroll" tabIndex={0} role="region" aria-label={`sys.getsizeof of a ${structure} after each op, beside the model`}>
    <table className="python-table bigo-python-program" data-testid={`bigo.python.program.${structure}`}>
      <caption>
        <code>{structure === 'list' ? 'lst = []' : 'dq = deque()'}</code>, then these ops in order; bytes after each op
      </caption>
      <thead>
        <tr>
          <th>ops</th>
          <th>bytes after each, in your Python</th>
          <th>the model</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, k) => (
          <tr key={k} data-testid={`bigo.python.program.${structure}.${k}`} data-agrees={r.differsAt < 0 ? 'yes' : 'no'}>
            <td className="op" title={`ops ${r.from + 1}–${r.from + r.count} of the program`}>
              <code>
                {structure === 'list' ? 'lst' : 'dq'}
                {OP_CODE[r.op] ?? r.op}
              </code>
              <br />× {r.count}
            </td>
            <td className="sizes">{runsOf(r.python)}</td>
            <td className={r.differsAt < 0 ? 'verdict-agree' : 'verdict-differ'}>
              {r.differsAt < 0 ? `✓ all ${r.count}` : `✗ op ${r.from + r.differsAt + 1}: ${r.python[r.differsAt] ?? 'none'} here, ${r.model[r.differsAt] ?? 'none'} in the model (${runsOf(r.model)})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
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
  const program = r && model?.program && r.program_sizes ? model.program : null;
  const programDiffers = !!program && !!r && (['list', 'deque'] as const).some((k) => programRows(BIGO_PROGRAM[k], r.program_sizes[k], program[k]).some((x) => x.differsAt >= 0));
  const note = r && model?.version ? versionNote(r.python.implementation, r.python.version, model.version, rule, diff >= 0 || programDiffers) : null;
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
              {!rule && !note && <p className="muted">{r.python.implementation} is not CPython: its lists grow by their own rule.</p>}
              {program && r.program_sizes && (
                <>
                  <h4>sys.getsizeof after every op, beside the model</h4>
                  <p className={programDiffers ? 'verdict-differ' : 'verdict-agree'} data-testid="bigo.python.program.verdict">
                    {programDiffers
                      ? `Some sizes differ from ${label}: see the rows marked ✗.`
                      : `Every size agrees exactly with ${label}: ${r.program_sizes.list.length} list ops and ${r.program_sizes.deque.length} deque ops.`}
                  </p>
                  <ProgramTable structure="list" python={r.program_sizes.list} model={program.list} />
                  <ProgramTable structure="deque" python={r.program_sizes.deque} model={program.deque} />
                </>
              )}
              {note && (
                <p className="muted" data-testid="bigo.python.version-note">
                  {note}
                </p>
              )}
              <h4>Seconds per op in your Python</h4>
              <div className="python-scroll" tabIndex={0} role="region" aria-label="Seconds per op in your Python">
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
              </div>
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
