/**
 * Real run: the word count on this computer with worker_threads as mappers and reducers, over a
 * generated text (or a small chosen file), combiner off and on. Per worker count: time per phase,
 * the spread of repeats, the shuffle's records and bytes beside the model's (they must be equal),
 * and the speedup beside the cluster model's prediction for one machine with this many cores.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MeasureButton, MeasureChoice, MeasureStatus } from '../../components/MeasureControls';
import { FileInput } from '../../components/FileInput';
import { useApp } from '../../state/store';
import { runMeasurement } from '../../controller/measure';
import type { MapReduceResult } from '../../../shared/api';
import { formatBytesDecimal } from './charts';
import { DaskPythonPanel, type DaskComparison, type DaskInput } from '../python/DaskPythonPanel';

/** A chosen file travels to the host in one request, whose body the browser-mode host caps at 1 MiB. */
export const MAX_CHOSEN_BYTES = 900_000;
const SIZES = [2, 8, 32, 64];
const WORKERS = [1, 2, 4, 8];

export const mapReduceSettings = createStore<{ sizeMB: number; maxWorkers: number; text: string | null; name: string | null; error: string | null }>()(() => ({
  sizeMB: 32,
  maxWorkers: 4,
  text: null,
  name: null,
  error: null,
}));

/** Starts the real word count with the panel's settings (the R key, the button). */
export function runMapReduce(): Promise<boolean> {
  const { sizeMB, maxWorkers, text, name } = mapReduceSettings.getState();
  const params = text === null ? { sizeMB, maxWorkers } : { text, maxWorkers };
  return runMeasurement({ kind: 'mapreduce', params }, `Word count: ${text === null ? `${sizeMB} MB generated` : name}, 1…${maxWorkers} workers`);
}

async function chooseFile(file: File): Promise<void> {
  if (file.size > MAX_CHOSEN_BYTES) {
    mapReduceSettings.setState({ error: `${file.name} is ${file.size} bytes; a chosen text may be at most ${MAX_CHOSEN_BYTES} bytes here (use the generated text for tens of MB, or nanoscope measure mapreduce --input FILE up to 16 MiB)` });
    return;
  }
  mapReduceSettings.setState({ text: await file.text(), name: file.name, error: null });
}

const s3 = (s: number): string => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(0)} ms`);

function Results({ r }: { r: MapReduceResult }) {
  const maxTotal = Math.max(...r.points.map((p) => p.spread.max));
  return (
    <>
      <p data-testid="distributed.real.input">
        {r.source === 'generated' ? 'Generated text' : 'Chosen text'}: {formatBytesDecimal(r.inputBytes)}, {r.inputLines.toLocaleString('en-US')} lines,{' '}
        {r.totalWords.toLocaleString('en-US')} words; {r.cores} cores here.
      </p>
      <div className="dist-real-scroll" tabIndex={0} role="region" aria-label="Real run results">
      <table className="dist-real-table" data-testid="distributed.real.table">
        <thead>
          <tr>
            <th>k</th>
            <th>combiner</th>
            <th>map · shuffle · reduce</th>
            <th>total (min–max)</th>
            <th>shuffle</th>
            <th>= model</th>
            <th>speedup (model)</th>
          </tr>
        </thead>
        <tbody>
          {r.points.map((p) => {
            const same = p.shuffleRecords === p.modelRecords && p.shuffleBytes === p.modelBytes;
            const total = p.mapS + p.shuffleS + p.reduceS || 1;
            return (
              <tr key={`${p.workers}-${p.combiner}`} data-testid={`distributed.real.row.${p.workers}.${p.combiner ? 'on' : 'off'}`}>
                <td>{p.workers}</td>
                <td>{p.combiner ? 'on' : 'off'}</td>
                <td>
                  <div className="dist-phase-bar" style={{ width: `${(p.spread.median / maxTotal) * 100}%` }} title={`map ${s3(p.mapS)}, shuffle ${s3(p.shuffleS)}, reduce ${s3(p.reduceS)}`}>
                    <span className="map" style={{ width: `${(p.mapS / total) * 100}%` }} />
                    <span className="shuffle" style={{ width: `${(p.shuffleS / total) * 100}%` }} />
                    <span className="reduce" style={{ width: `${(p.reduceS / total) * 100}%` }} />
                  </div>
                </td>
                <td>
                  {s3(p.spread.median)} ({s3(p.spread.min)}–{s3(p.spread.max)})
                </td>
                <td>
                  {p.shuffleRecords.toLocaleString('en-US')} records, {formatBytesDecimal(p.shuffleBytes)}
                </td>
                <td className={same ? 'ok' : 'bad'} data-testid={`distributed.real.match.${p.workers}.${p.combiner ? 'on' : 'off'}`}>
                  {same ? '✓ equal' : `✗ model ${p.modelRecords} / ${p.modelBytes}`}
                </td>
                <td>
                  {p.speedup.toFixed(2)}× ({p.modelSpeedup.toFixed(2)}×)
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <p className="legend">
        <span className="swatch map" /> map <span className="swatch shuffle" /> shuffle (hand-over between threads) <span className="swatch reduce" /> reduce. Speedup: the
        median at 1 worker ÷ the median here; model: the cluster model&apos;s prediction for one machine with min(workers, {r.cores}) cores.
      </p>
      <p className={r.load.busy ? 'field-error' : 'muted'} data-testid="distributed.real.load">
        Load {r.load.loadBefore} before, {r.load.loadAfter} after on {r.load.cores} cores{r.load.stealPct !== null ? `, ${r.load.stealPct}% stolen` : ''}
        {r.load.note ? ` — ${r.load.note}` : ''}
      </p>
      <p className="stamp" data-testid="distributed.real.stamp">
        {r.stamp.cpuModel} · {r.stamp.cores} cores · {r.stamp.os} · {r.stamp.runtime} · {new Date(r.startedAt).toLocaleString()}
      </p>
    </>
  );
}

/** The worker_threads run's and the model's counts beside Dask's, when that run was over `input`. */
export function daskComparisons(r: MapReduceResult | undefined, input: DaskInput): DaskComparison[] {
  if (!r) return [];
  const same = 'sizeMB' in input ? r.source === 'generated' && r.inputBytes === input.sizeMB * 1e6 : r.source === 'text' && r.inputBytes === new TextEncoder().encode(input.text).length;
  if (!same || r.points.length === 0) return [];
  const fastest = r.points.reduce((a, b) => (b.spread.median < a.spread.median ? b : a));
  const one = (combiner: boolean) => r.points.find((p) => p.workers === 1 && p.combiner === combiner);
  const rows: DaskComparison[] = [
    {
      label: `worker_threads ×${fastest.workers}${fastest.combiner ? ' +combiner' : ''}`,
      lines: r.inputLines,
      words: r.totalWords,
      distinct: fastest.distinctWords,
      seconds: fastest.spread.median,
    },
  ];
  const off = one(false);
  const on = one(true);
  // One mapper and one reducer: without the combiner every word is a record; with it, every distinct word.
  if (off && on) rows.push({ label: 'the model', words: off.modelRecords, distinct: on.modelRecords });
  return rows;
}

export function DistributedRealRun() {
  const job = useApp((s) => s.job);
  const result = useApp((s) => s.results.mapreduce) as MapReduceResult | undefined;
  const settings = useStore(mapReduceSettings);
  const daskInput: DaskInput = settings.text === null ? { sizeMB: settings.sizeMB } : { text: settings.text, name: settings.name ?? 'the chosen text' };
  return (
    <div className="realrun dist-realrun" data-testid="distributed.real">
      <p>
        The same word count on this computer: worker threads are the mappers and, after the hand-over, the reducers. Each
        configuration runs 3 times (after one untimed warm-up); the records and bytes through the shuffle are counted from the
        real bytes and must equal the model&apos;s.
      </p>
      <div className="row">
        <label className="field inline">
          <span>Text</span>
          <select
            value={settings.text === null ? String(settings.sizeMB) : 'file'}
            disabled={job !== null}
            onChange={(e) => (e.target.value === 'file' ? undefined : mapReduceSettings.setState({ sizeMB: Number(e.target.value), text: null, name: null, error: null }))}
            data-testid="distributed.real.size"
          >
            {SIZES.map((v) => (
              <option key={v} value={v}>
                {v} MB generated
              </option>
            ))}
            {settings.name !== null && <option value="file">{settings.name}</option>}
          </select>
        </label>
        <FileInput className="file-button" accept=".txt,.md,.csv,text/plain" testId="distributed.real.file" onFile={(f) => void chooseFile(f)}>
          Choose a text file…
        </FileInput>
        <MeasureChoice label="Up to" value={settings.maxWorkers} values={WORKERS} format={(v) => <>{v} worker{v > 1 ? 's' : ''}</>} onChange={(v) => mapReduceSettings.setState({ maxWorkers: v })} testId="distributed.real.workers" />
        <MeasureButton prefix="distributed.real" label="Run the word count here" onRun={() => void runMapReduce()} />
      </div>
      {settings.error && (
        <p className="field-error" role="alert" data-testid="distributed.real.file-error">
          {settings.error}
        </p>
      )}
      <MeasureStatus prefix="distributed.real" />
      {result ? (
        <Results r={result} />
      ) : (
        <p className="muted" data-testid="distributed.real.empty">
          Not measured yet.
        </p>
      )}
      <DaskPythonPanel input={daskInput} compare={daskComparisons(result, daskInput)} />
    </div>
  );
}
