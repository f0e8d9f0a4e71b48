/**
 * Real run: a sum and saxpy on this computer, as a JS loop, a callback per element (the
 * apply analogue), and the app's own wasm module, scalar and f32x4 SIMD, from an L1-sized
 * array to a RAM-sized one. Bars of measured GB/s with the model's prediction marked over each.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { RunReliability } from '../../components/RunReliability';
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { useSize } from '../../components/useSize';
import { useApp } from '../../state/store';
import { runMeasurement } from '../../controller/measure';
import { getPreset } from '../../../sim/hardware/presets';
import type { SimdMeasuredKernel, SimdResult } from '../../../shared/api';
import { logBarsLayout } from './charts';
import { realRunBars, simdRatio, sizeLabel } from './realRunBars';
import { SimdPythonPanel } from '../python/SimdPythonPanel';
import { formatSi } from '../../../sim/core/format';

const KIB = 1024;
const MIB = 1024 * 1024;
/** Array sizes per preset: quick stays in caches; full reaches RAM. */
export const SIZE_PRESETS = {
  quick: [16 * KIB, 256 * KIB],
  standard: [16 * KIB, 256 * KIB, 4 * MIB, 64 * MIB],
} as const;
type SizePreset = keyof typeof SIZE_PRESETS;

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): the real run's settings live and die with this scene's panel; they are not in the URL or a scenario.
export const simdSettings = createStore<{ preset: SizePreset; kernel: SimdMeasuredKernel }>()(() => ({ preset: 'standard', kernel: 'sum' }));

/** Starts the measurement with the panel's sizes (the R key, the button). */
export function runSimd(): Promise<boolean> {
  const sizes = SIZE_PRESETS[simdSettings.getState().preset];
  return runMeasurement({ kind: 'simd', params: { sizes: [...sizes] } }, `SIMD: sum and saxpy on ${sizes.map(sizeLabel).join(', ')}`);
}

const machine = getPreset('2020')!;

function MeasuredBars({ result, kernel }: { result: SimdResult; kernel: SimdMeasuredKernel }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const { bars, gaps } = realRunBars(result.results, kernel, machine);
  const layout = logBarsLayout(bars, size.width, size.font, { labelEm: 6.5, valueEm: 6.5, gapEm: 1.3, gaps });
  return (
    <div ref={boxRef} className="simd-chart-box">
      <svg width={size.width} height={layout.height + size.font * 1.2} role="img" aria-label={`${kernel}: measured GB/s per implementation and array size, log axis`} data-testid="simd.real.chart">
        {layout.ticks.map((t) => (
          <g key={t} className="tick">
            <line x1={layout.x(t)} x2={layout.x(t)} y1={0} y2={layout.axisY} />
            <text x={layout.x(t)} y={layout.axisY + size.font * 1.1} textAnchor="middle">
              {formatSi(t).trim()}
            </text>
          </g>
        ))}
        <text className="axis-label" x={layout.labelWidth} y={layout.axisY + size.font * 2.3}>
          GB/s (log) · mark: the model
        </text>
        {layout.rows.map((r) => (
          <g key={r.id} className={`simd-bar measured ${r.className ?? ''}`} data-testid={`simd.real.bar.${r.id}`} data-gbps={r.value.toFixed(3)}>
            {r.group && (
              <text className="bar-group" x={0} y={r.y - size.font * 0.35}>
                {r.group}
              </text>
            )}
            <text className="bar-label" x={layout.labelWidth - size.font * 0.4} y={r.y + layout.barHeight / 2} textAnchor="end" dominantBaseline="central">
              {r.label}
            </text>
            <rect x={layout.labelWidth} y={r.y} width={r.width} height={layout.barHeight} rx={3} />
            {r.markX !== null && <line className="model-mark" data-testid={`simd.real.model.${r.id}`} x1={r.markX} x2={r.markX} y1={r.y - 2} y2={r.y + layout.barHeight + 2} />}
            <text className="bar-value" x={Math.max(layout.labelWidth + r.width, r.markX ?? 0) + size.font * 0.4} y={r.y + layout.barHeight / 2} dominantBaseline="central">
              {r.value.toFixed(r.value >= 10 ? 1 : 2)}
              {r.mark !== undefined ? ` · ${r.mark.toFixed(r.mark >= 10 ? 0 : 1)}` : ''}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

function Checksums({ result, kernel }: { result: SimdResult; kernel: SimdMeasuredKernel }) {
  const rows = result.results.filter((r) => r.kernel === kernel);
  const bad = rows.filter((r) => !r.agrees);
  return (
    <details className="simd-checksums" data-testid="simd.real.checksums" data-agree={bad.length === 0 ? 'true' : 'false'}>
      <summary>{bad.length === 0 ? `All ${rows.length} checksums agree with the float64 reference (to 10⁻⁶ × Σ|x|)` : `${bad.length} checksum(s) differ: ${bad.map((r) => `${r.impl} on ${sizeLabel(r.bytes)}`).join(', ')}`}</summary>
      <table>
        <thead>
          <tr>
            <th>array</th>
            <th>implementation</th>
            <th>checksum</th>
            <th>reference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.impl}.${r.bytes}`}>
              <td>{sizeLabel(r.bytes)}</td>
              <td>{r.impl}</td>
              <td>{r.checksum.toPrecision(9)}</td>
              <td>
                {r.reference.toPrecision(9)} {r.agrees ? '✓' : '✗'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function SimdRealRun() {
  const job = useApp((s) => s.job);
  const result = useApp((s) => s.results.simd);
  const { preset, kernel } = useStore(simdSettings);
  const smallest = result ? Math.min(...result.results.map((r) => r.bytes)) : 0;
  const ratio = result ? simdRatio(result.results, kernel, smallest) : null;
  return (
    <div className="realrun simd-realrun" data-testid="simd.real">
      <p>
        A sum and <code>z = a·x + y</code> over float32 arrays on this computer: a plain JS loop, a callback per element
        (<code>reduce</code>/<code>map</code>, the <code>apply</code> analogue), and a WebAssembly module this app writes byte by
        byte, in scalar and <code>f32x4</code> SIMD versions. GB/s counts every byte loaded and stored. The thin mark on each bar
        is the model's prediction (its core at 4 lanes, 2020 figures).
      </p>
      <div className="row">
        <label className="field inline">
          <span>Arrays</span>
          <select value={preset} disabled={job !== null} onChange={(e) => simdSettings.setState({ preset: e.target.value as SizePreset })} data-testid="simd.real.sizes">
            <option value="quick">quick (16, 256 KiB)</option>
            <option value="standard">L1 to RAM (16 KiB–64 MiB)</option>
          </select>
        </label>
        <MeasureButton prefix="simd.real" label="Measure SIMD here" onRun={() => void runSimd()} />
      </div>
      <MeasureStatus prefix="simd.real" />
      <div className="row" role="group" aria-label="Kernel shown">
        {(['sum', 'saxpy'] as const).map((k) => (
          <label key={k} className="inline">
            <input type="radio" name="simd-real-kernel" checked={kernel === k} onChange={() => simdSettings.setState({ kernel: k })} data-testid={`simd.real.kernel.${k}`} />
            {k === 'sum' ? 'sum' : 'saxpy (z = a·x + y)'}
          </label>
        ))}
      </div>
      {result ? (
        <>
          {ratio !== null && (
            <p className="simd-ratio" data-testid="simd.real.ratio">
              wasm SIMD is <strong>{ratio.toFixed(1)}×</strong> the scalar wasm kernel on {sizeLabel(smallest)} ({kernel})
            </p>
          )}
          <MeasuredBars result={result} kernel={kernel} />
          <Checksums result={result} kernel={kernel} />
          <p className="muted">
            Why the sums differ in the last digits: float32 keeps about 7 significant digits, so every add rounds; the SIMD kernel
            adds in another order (16 running sums, folded at the end) and JS adds in float64. Each is right to its precision.
          </p>
          <RunReliability prefix="simd.real" result={result} />
          <p className="stamp" data-testid="simd.real.stamp">
            {result.stamp.cpuModel} · {result.stamp.cores} cores · {result.stamp.os} · {result.stamp.runtime} · {new Date(result.startedAt).toLocaleString()}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="simd.real.empty">
          Not measured yet.
        </p>
      )}
      <SimdPythonPanel />
    </div>
  );
}
