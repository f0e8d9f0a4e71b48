/**
 * Real run: measure this machine (pointer chase, mutex, SSD read) with progress and cancel,
 * then show the curve beside the selected table's prediction, stamped with the machine.
 */
import { RunReliability } from '../../components/RunReliability';
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { useApp, store } from '../../state/store';
import { measureMachine } from './measureMachine';
import { setParam } from '../../controller/sceneController';
import { getPreset } from '../../../sim/hardware/presets';
import { measuredLevels } from '../../../sim/hardware/thisMachine';

import { ChaseChart } from '../../charts/ChaseChart';

import { THIS_MACHINE } from './machine';
import { saveText } from '../../controller/files';
import type { MachineStamp } from '../../../shared/api';
import { formatNs } from '../../../sim/core/format';
import { formatBytes } from '../../../sim/core/format';

const SIZES = [1, 16, 64, 256, 1024].map((m) => m * 1024 * 1024);

function Stamp({ stamp, at }: { stamp: MachineStamp; at: string }) {
  return (
    <p className="stamp" data-testid="realrun.stamp">
      {stamp.cpuModel} · {stamp.cores} cores · {stamp.os} · {stamp.runtime} · {new Date(at).toLocaleString()}
    </p>
  );
}

export function LadderRealRun() {
  const job = useApp((s) => s.job);
  const memory = useApp((s) => s.results['memory-latency']);
  const storage = useApp((s) => s.results['storage-latency']);
  const mutex = useApp((s) => s.results['mutex-latency']);
  const maxBytes = useApp((s) => s.measureMaxBytes);
  const params = useApp((s) => s.params);
  const table = getPreset(params.preset ?? '2012') ?? getPreset('2020')!;
  const levels = memory ? measuredLevels({ osCaches: memory.caches, chase: memory.points }) : [];

  return (
    <div className="realrun" data-testid="realrun">
      <p>
        A dependent-load pointer chase in a worker on this computer: one random cycle through a working set, 64 bytes per
        step, every power of two from 4 KiB up. Each load must wait for the one before, so the time per load is the latency
        of wherever the working set fits.
      </p>
      <div className="row">
        <label className="field inline">
          <span>Largest working set</span>
          <select
            value={maxBytes}
            disabled={job !== null}
            onChange={(e) => store.setState({ measureMaxBytes: Number(e.target.value) })}
            data-testid="realrun.max-bytes"
          >
            {[...new Set([...SIZES, maxBytes])].sort((a, b) => a - b).map((size) => (
              <option key={size} value={size}>
                {formatBytes(size)}
              </option>
            ))}
          </select>
        </label>
        <MeasureButton prefix="realrun" label="Measure this machine" onRun={() => void measureMachine(maxBytes)} />
      </div>
      <MeasureStatus prefix="realrun" />
      {memory && (
        <>
          <ChaseChart points={memory.points} caches={memory.caches} prediction={table} />
          <p className="legend">
            <span className="swatch measured" /> measured here <span className="swatch predicted" /> predicted by {table.name}
            {table.caches.some((c) => !c.latency) ? ' (gaps: the table gives no figure)' : ''}
          </p>
          <table className="levels" data-testid="realrun.levels">
            <thead>
              <tr>
                <th>Level</th>
                <th>Measured</th>
                <th>Working sets</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((level) => (
                <tr key={level.name} data-testid={`realrun.level.${level.name}`}>
                  <td>{level.name}</td>
                  <td>{formatNs(level.ns)}</td>
                  <td>
                    {formatBytes(level.fromBytes)} – {formatBytes(level.toBytes)}
                  </td>
                </tr>
              ))}
              <tr>
                <td>Mutex</td>
                <td data-testid="realrun.mutex">{mutex ? formatNs(mutex.ns) : 'not measured'}</td>
                <td>uncontended lock + unlock</td>
              </tr>
              <tr>
                <td>SSD 4 KiB</td>
                <td data-testid="realrun.ssd">
                  {storage ? (storage.randomRead4KNs !== null ? formatNs(storage.randomRead4KNs) : 'not measurable') : 'not measured'}
                </td>
                <td>{storage?.reason ?? 'random read, page cache bypassed'}</td>
              </tr>
            </tbody>
          </table>
          <RunReliability prefix="realrun" result={memory} />
          {mutex && <RunReliability prefix="realrun.mutex" result={mutex} />}
          {storage && <RunReliability prefix="realrun.ssd" result={storage} />}
          {memory.cacheNotes && memory.cacheNotes.length > 0 && (
            <p className="muted" data-testid="realrun.cache-notes">
              Cache sizes: {memory.caches.length > 0 ? `reported by ${memory.caches[0]?.source ?? 'the OS'}` : 'the OS reported none, so the plateaus of the curve stand in'}. {memory.cacheNotes.join('; ')}.
            </p>
          )}
          <Stamp stamp={memory.stamp} at={memory.startedAt} />
          <div className="row">
            <button type="button" onClick={() => setParam('preset', THIS_MACHINE)} data-testid="realrun.show-on-ladder">
              Show on the ladder
            </button>
            <button
              type="button"
              onClick={() => void saveText('nanoscope-memory-latency.json', JSON.stringify({ memory, mutex, storage }, null, 2), 'application/json')}
              data-testid="realrun.save"
            >
              Save results (JSON)
            </button>
          </div>
        </>
      )}
    </div>
  );
}
