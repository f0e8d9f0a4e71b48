/**
 * Threads scene, in Python: the tutorial's incrementer/decrementer cell as written, and the
 * variant with a call between the read and the write, in two real threads of the user's
 * CPython — beside the model's switch points for that version and its prediction.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MeasureButton, MeasureChoice, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { store, useApp } from '../../state/store';
import { LOOP_BODY, predictRace, type RaceVariant } from '../../../sim/threads/pythonGil';
import type { PythonMeasurementResult } from '../../../shared/api';
import type { PythonInfo } from '../../../shared/python';
import { PythonPicker, useChosenPython } from './PythonPicker';
import { pythonParam } from './pythonState';

type RaceResult = Extract<PythonMeasurementResult, { kind: 'python-race' }>;

const ITERATIONS = [100_000, 1_000_000, 10_000_000];
export const pythonRaceStore = createStore<{ iterations: number; repeat: number; byVariant: Partial<Record<RaceVariant, RaceResult>> }>()(() => ({ iterations: 1_000_000, repeat: 3, byVariant: {} }));

const n = (x: number): string => x.toLocaleString('en-US');

async function runRace(variant: RaceVariant): Promise<void> {
  const { iterations, repeat } = pythonRaceStore.getState();
  const ok = await runMeasurement(
    { kind: 'python-race', params: { variant, iterations, repeat, ...pythonParam() } },
    `Python: ${variant === 'seed' ? 'the tutorial’s cell' : 'the call variant'}, 2 threads × ${n(iterations)}`,
  );
  const r = store.getState().results['python-race'];
  if (ok && r) pythonRaceStore.setState({ byVariant: { ...pythonRaceStore.getState().byVariant, [r.variant]: r } });
}

function ModelSide({ python, variant }: { python: PythonInfo; variant: RaceVariant }) {
  const p = predictRace({ version: python.version ?? '', implementation: python.implementation ?? '', freeThreaded: python.free_threaded }, variant);
  const body = LOOP_BODY[variant];
  return (
    <section data-testid={`threads.python.${variant}.model`}>
      <h4>Model ({python.implementation} {python.version})</h4>
      <p className="muted">{p.rule}.</p>
      <ol className="python-ops">
        {body.map((o, i) => (
          <li key={i} className={`${o.access ? 'access' : ''} ${p.switchAfter.includes(i) ? 'switch' : ''}`}>
            {o.op} <span className="muted">{o.says}</span>
          </li>
        ))}
      </ol>
      <p data-testid={`threads.python.${variant}.prediction`}>
        Prediction: <strong>{p.lostPossible ? 'updates can be lost' : 'no update lost — ends at 0'}</strong>: {p.reason}.
      </p>
    </section>
  );
}

function RealSide({ result, variant }: { result: RaceResult | undefined; variant: RaceVariant }) {
  if (!result) return <section className="muted">Not run yet.</section>;
  const anyLost = result.runs.some((r) => r.lost > 0);
  // Only a loss the model rules out contradicts it; no loss where one is possible is merely not seen this time.
  const agrees = !(anyLost && !result.model.predicted_lost_possible);
  return (
    <section data-testid={`threads.python.${variant}.real`}>
      <h4>Real: {result.runs.length} runs, 2 threads × {n(result.iterations)}</h4>
      <table className="python-table">
        <thead>
          <tr>
            <th>run</th>
            <th title="lst[0] when both threads have finished">lst[0]</th>
            <th title="|lst[0]|: at least this many updates were lost">lost ≥</th>
            <th>s</th>
          </tr>
        </thead>
        <tbody>
          {result.runs.map((r, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{n(r.final)}</td>
              <td>{n(r.lost)}</td>
              <td>{r.seconds.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={agrees ? 'verdict-agree' : 'verdict-differ'} data-testid={`threads.python.${variant}.verdict`}>
        {anyLost
          ? result.model.predicted_lost_possible
            ? 'Updates were lost, as the model allows.'
            : 'Updates were lost, but the model said they could not be: the model is wrong for this interpreter.'
          : result.model.predicted_lost_possible
            ? 'Nothing lost this time; the model says it can happen — run again or with more iterations.'
            : 'Every run ended at 0, as the model predicts.'}
      </p>
      <p className="stamp">
        {result.python.executable} · {result.stamp.cores} cores · {new Date(result.startedAt).toLocaleString()}
        {result.load.note ? ` · ${result.load.note}` : ''}
      </p>
    </section>
  );
}

export function ThreadsPythonPanel() {
  const python = useChosenPython();
  const settings = useStore(pythonRaceStore);
  const latest = useApp((s) => s.results['python-race']);
  const byVariant = { ...settings.byVariant, ...(latest ? { [latest.variant]: settings.byVariant[latest.variant] ?? latest } : {}) };
  return (
    <section className="python-panel" data-testid="threads.python">
      <h3>The same race in Python</h3>
      <p>
        The tutorial’s cell, run as written in two threads of your Python: <code>lst[0] += 1</code> against <code>lst[0] -= 1</code>. And a variant
        that reads, calls a Python function, then writes: <code>lst[0] = lst[0] + one()</code> (switch interval 10 µs).
      </p>
      <PythonPicker prefix="threads" />
      {python && (
        <>
          <div className="row">
            <MeasureChoice label="Iterations per thread" value={settings.iterations} values={ITERATIONS} format={(v) => <>{n(v)}</>} onChange={(v) => pythonRaceStore.setState({ iterations: v })} testId="threads.python.iterations" />
            <MeasureChoice label="Runs" value={settings.repeat} values={[1, 3, 5, 10]} onChange={(v) => pythonRaceStore.setState({ repeat: v })} testId="threads.python.repeat" />
          </div>
          {(['seed', 'call'] as const).map((variant) => (
            <div key={variant} data-testid={`threads.python.${variant}`}>
              <div className="row">
                <MeasureButton prefix={`threads.python.${variant}`} label={variant === 'seed' ? 'Run the tutorial’s cell' : 'Run the call variant'} onRun={() => void runRace(variant)} />
              </div>
              <div className="python-compare">
                <ModelSide python={python} variant={variant} />
                <RealSide result={byVariant[variant]} variant={variant} />
              </div>
            </div>
          ))}
          <MeasureStatus prefix="threads.python" />
          {byVariant.seed && (
            <details>
              <summary>The cell as it ran, and what it printed</summary>
              <pre className="python-code">{byVariant.seed.code}</pre>
              <pre className="python-code">{byVariant.seed.printed.slice(0, 40).join('\n')}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
