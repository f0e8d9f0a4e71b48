/**
 * Vectorization scene, in Python: y = 2.5·x + 1 over the same float64 values as a Python
 * loop, numpy, Series.apply and a pandas expression (rows for what is installed) — GB/s and
 * ratios beside the model's interpreted / scalar / SIMD styles. "apply is not vectorized", measured.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MeasureButton, MeasureChoice, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { useApp } from '../../state/store';
import { getPreset } from '../../../sim/hardware/presets';
import { compareStyles, type Style } from '../../../sim/simd/simd';
import type { VectorImpl } from '../../../shared/python';
import { PythonPicker, useChosenPython } from './PythonPicker';
import { pythonParam } from './pythonState';

const SIZES = [100_000, 1_000_000, 5_000_000];
export const pythonVectorStore = createStore<{ n: number }>()(() => ({ n: 1_000_000 }));

/** Which of the model's styles each implementation is. */
export const STYLE_OF: Record<VectorImpl, Style> = { loop: 'interpreted', numpy: 'simd', 'pandas-apply': 'interpreted', 'pandas-vectorized': 'simd' };
const WHY: Record<VectorImpl, string> = {
  loop: 'one bytecode dispatch and a boxed float per element',
  numpy: 'one C loop over a contiguous array, vectorized by the compiler',
  'pandas-apply': 'calls a Python function per element: still interpreted',
  'pandas-vectorized': 'numpy underneath',
};

export function runPythonVector(): Promise<boolean> {
  const { n } = pythonVectorStore.getState();
  return runMeasurement({ kind: 'python-vector', params: { n, ...pythonParam() } }, `Python: loop vs numpy vs pandas on ${n.toLocaleString('en-US')} values`);
}

const machine = getPreset('2020')!;

export function SimdPythonPanel() {
  const python = useChosenPython();
  const r = useApp((s) => s.results['python-vector']);
  const { n } = useStore(pythonVectorStore);
  const runN = r?.results[0]?.n ?? n;
  // The model's styles for the nearest kernel (saxpy: two flops, loads and a store per element), 4 lanes.
  const model = compareStyles('saxpy', runN, 4, machine);
  const interp = model.find((m) => m.style === 'interpreted')!.result.ns;
  const modelVsInterp = (s: Style): number => interp / model.find((m) => m.style === s)!.result.ns;
  return (
    <section className="python-panel" data-testid="simd.python">
      <h3>Vectorization in Python: loop, numpy, apply, pandas</h3>
      <p>
        <code>y = 2.5·x + 1.0</code> over the same float64 values in your Python; GB/s counts 8 bytes read and 8 written per value, best of 3. Each
        row is set beside the model’s style it stands for (its 2020 core, the saxpy kernel).
      </p>
      <PythonPicker prefix="simd" />
      {python && (
        <>
          <div className="row">
            <MeasureChoice label="Values" value={n} values={SIZES} format={(v) => <>{v.toLocaleString('en-US')}</>} onChange={(v) => pythonVectorStore.setState({ n: v })} testId="simd.python.n" />
            <MeasureButton prefix="simd.python" label="Run it in Python" onRun={() => void runPythonVector()} />
          </div>
          <MeasureStatus prefix="simd.python" />
          {r ? (
            <>
              <table className="python-table" data-testid="simd.python.table">
                <thead>
                  <tr>
                    <th>impl</th>
                    <th>GB/s</th>
                    <th>×loop</th>
                    <th title="the model's speed-up over the interpreted loop, for the style this stands for">model</th>
                  </tr>
                </thead>
                <tbody>
                  {r.results.map((x) => (
                    <tr key={x.impl} data-testid={`simd.python.row.${x.impl}`} title={`${WHY[x.impl]}; ${(x.seconds * 1000).toPrecision(3)} ms`}>
                      <td>{x.impl}</td>
                      <td>{x.gbps.toFixed(3)}</td>
                      <td>×{(r.vs_loop[x.impl] ?? NaN).toFixed(1)}</td>
                      <td title={`the model's ${STYLE_OF[x.impl]} style`}>×{modelVsInterp(STYLE_OF[x.impl]).toFixed(0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted" data-testid="simd.python.model">
                Model column: the model’s speed-up over its interpreted loop for the style each stands for — the loop and <code>apply</code> are interpreted
                (×1), numpy and the pandas expression are SIMD (×{modelVsInterp('simd').toFixed(0)}; scalar compiled code would be ×{modelVsInterp('scalar').toFixed(0)}).
              </p>
              {r.vs_loop['pandas-apply'] !== undefined && (
                <p data-testid="simd.python.apply">
                  <code>Series.apply</code> ran at <strong>×{r.vs_loop['pandas-apply'].toFixed(2)}</strong> the plain loop, the vectorized expression at{' '}
                  <strong>×{(r.vs_loop['pandas-vectorized'] ?? NaN).toFixed(0)}</strong>: apply is not vectorized.
                </p>
              )}
              {r.missing.length > 0 && (
                <p className="muted" data-testid="simd.python.missing">
                  Not installed for this interpreter: {r.missing.join(', ')} (e.g. <code>{python.executable} -m pip install {r.missing.join(' ')}</code>).
                </p>
              )}
              <p className="stamp">
                {r.python.implementation} {r.python.version} · {r.python.executable} · {r.stamp.cpuModel} · {new Date(r.startedAt).toLocaleString()}
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
