/**
 * Real run: the memory mountain of this machine (read bandwidth over working set × stride,
 * measured in a worker_thread on the host) as a heat map, beside what the simulator's
 * simple model predicts for "this machine".
 */
import { RunReliability } from '../../components/RunReliability';
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useApp } from '../../state/store';
import { runMeasurement } from '../../controller/measure';
import { saveText } from '../../controller/files';
import { getPreset } from '../../../sim/hardware/presets';
import { machineFromMeasurements } from '../../../sim/hardware/thisMachine';

import { heatMapLayout, mountainGrid, predictBandwidth, predictionLevels } from './mountain';
import { HEAT_MAP_BOX, MountainHeatMap } from './MountainHeatMap';
import { formatNs } from '../../../sim/core/format';
import { formatBytes } from '../../../sim/core/format';

const MiB = 1024 * 1024;
const SIZES: { bytes: number; label: string }[] = [
  { bytes: 16 * MiB, label: '16 MiB (quick)' },
  { bytes: 64 * MiB, label: '64 MiB' },
  { bytes: 256 * MiB, label: '256 MiB' },
  { bytes: 1024 * MiB, label: '1 GiB' },
];

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): the real run's settings live and die with this scene's panel; they are not in the URL or a scenario.
const settings = createStore<{ maxBytes: number }>()(() => ({ maxBytes: 256 * MiB }));

/** Starts the memory mountain with the chosen largest working set (the R key too). */
export function measureMountain(): Promise<boolean> {
  return runMeasurement({ kind: 'memory-mountain', params: { maxBytes: settings.getState().maxBytes } }, 'Memory mountain');
}

export function CacheRealRun() {
  const job = useApp((s) => s.job);
  const mountain = useApp((s) => s.results['memory-mountain']);
  const chase = useApp((s) => s.results['memory-latency']);
  const maxBytes = useStore(settings, (s) => s.maxBytes);

  let body = null;
  if (mountain) {
    const machine = machineFromMeasurements({
      cpuModel: mountain.stamp.cpuModel,
      cores: Math.max(1, mountain.stamp.cores),
      osCaches: mountain.caches,
      chase: chase?.points ?? mountain.chase,
    });
    const levels = predictionLevels(machine, getPreset('2020')!);
    const grid = mountainGrid(mountain.points);
    const predicted = (bytes: number, stride: number) => predictBandwidth(levels, bytes, stride, mountain.elementBytes);
    const values = [...mountain.points.map((p) => p.gbPerS), ...grid.sizes.flatMap((b) => grid.strides.map((s) => predicted(b, s)))].filter((v) => Number.isFinite(v) && v > 0);
    const domain: [number, number] = [Math.min(...values), Math.max(...values)];
    const layout = heatMapLayout(HEAT_MAP_BOX.width, HEAT_MAP_BOX.height, 11, grid.sizes, grid.strides, domain);
    const marks = levels.filter((l) => Number.isFinite(l.bytes)).map((l) => ({ name: l.name, bytes: l.bytes }));
    const peak = mountain.points.reduce((a, b) => (b.gbPerS > a.gbPerS ? b : a), mountain.points[0]!);
    body = (
      <>
        <MountainHeatMap id="mountain.measured" title="Measured here (GB/s)" layout={layout} sizes={grid.sizes} strides={grid.strides} value={grid.at} marks={marks} />
        <MountainHeatMap id="mountain.predicted" title="Predicted by the simulator’s model (GB/s)" layout={layout} sizes={grid.sizes} strides={grid.strides} value={predicted} marks={marks} />
        <div className="color-legend" data-testid="mountain.legend">
          <span>{domain[0].toFixed(2)} GB/s</span>
          <span className="ramp" />
          <span>{domain[1].toFixed(1)} GB/s</span>
        </div>
        <p data-testid="mountain.peak">
          Peak: {peak.gbPerS.toFixed(1)} GB/s at {formatBytes(peak.bytes)}, stride {peak.stride}.
        </p>
        <p className="muted">
          The model: a working set lives in the first cache it fits in. Every read waits for the one before — no prefetching, no
          overlapping misses. Of the reads that fall in one cache line, the first waits for the level holding the set and the
          rest hit L1, so time per read = (t<sub>level</sub> + (k − 1) × t<sub>L1</sub>) ÷ k with k = line ÷ (stride × 8 B), and
          bandwidth = 8 B ÷ time per read. Where the measurement beats it, the hardware prefetcher and many misses in flight at
          once are at work; JavaScript’s loop (one scalar add per element, no SIMD) caps the top of the mountain.
        </p>
        <table className="levels" data-testid="mountain.levels">
          <thead>
            <tr>
              <th>Level</th>
              <th>Size</th>
              <th>Latency</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.name}>
                <td>{l.name}</td>
                <td>{Number.isFinite(l.bytes) ? formatBytes(l.bytes) : '—'}</td>
                <td>{formatNs(l.ns)}</td>
                <td className="muted">{l.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <RunReliability prefix="mountain" result={mountain} />
        <p className="stamp" data-testid="mountain.stamp">
          {mountain.stamp.cpuModel} · {mountain.stamp.cores} cores · {mountain.stamp.os} · {mountain.stamp.runtime} · {new Date(mountain.startedAt).toLocaleString()} ·{' '}
          {(mountain.wallMs / 1000).toFixed(1)} s
        </p>
        <div className="row">
          <button type="button" onClick={() => void saveText('nanoscope-memory-mountain.json', JSON.stringify(mountain, null, 2), 'application/json')} data-testid="mountain.save">
            Save results (JSON)
          </button>
        </div>
      </>
    );
  }

  return (
    <div className="realrun" data-testid="realrun">
      <p>
        The memory mountain of this computer: a worker reads arrays of 8-byte numbers of every power-of-two size from 4 KiB up,
        touching every stride-th element (stride 1 to 32), and times it — best of three runs of at least 2 ms per cell. Small
        sets stay in cache and read fast; past each cache size the mountain drops, and at large strides every read needs a new
        line.
      </p>
      <div className="row">
        <label className="field inline">
          <span>Largest working set</span>
          <select value={maxBytes} disabled={job !== null} onChange={(e) => settings.setState({ maxBytes: Number(e.target.value) })} data-testid="mountain.max-bytes">
            {SIZES.map((s) => (
              <option key={s.bytes} value={s.bytes}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <MeasureButton prefix="mountain" label="Measure the memory mountain" onRun={() => void measureMountain()} />
      </div>
      <MeasureStatus prefix="mountain" />
      {body}
    </div>
  );
}
