/**
 * Real run: the same race on this computer — worker_threads incrementing one Int32 in a
 * SharedArrayBuffer, as many threads as the scene has, the strategy mapped — repeated, with
 * a histogram of the final values; and the false-sharing measurement.
 */
import { RunReliability } from '../../components/RunReliability';
import { MeasureButton, MeasureChoice, MeasureStatus } from '../../components/MeasureControls';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useApp, store } from '../../state/store';
import { runMeasurement } from '../../controller/measure';
import type { FalseSharingResult, MachineStamp, RaceResult } from '../../../shared/api';
import { binFinals, histogramLayout } from './charts';
import { realRaceFor } from './lesson';
import { ThreadsPythonPanel } from '../python/ThreadsPythonPanel';

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): the real run's settings live and die with this scene's panel; they are not in the URL or a scenario.
export const realRunSettings = createStore<{ iterations: number; repeat: number }>()(() => ({ iterations: 1_000_000, repeat: 10 }));

const ITERATIONS = [10_000, 100_000, 1_000_000, 10_000_000];
const REPEATS = [1, 3, 10, 20, 50];
/** Increments per thread of the false-sharing run from the app (the CLI's default is 20 M). */
const FALSE_SHARING_ITERATIONS = 10_000_000;

const n = (x: number): string => x.toLocaleString('en-US');

/** Starts the real race with the scene's settings (the R key, the button). */
export function runRace(): Promise<boolean> {
  const { iterations, repeat } = realRunSettings.getState();
  const { params } = realRaceFor(store.getState().params, iterations, repeat);
  return runMeasurement({ kind: 'race', params }, `${params.workers} threads × ${n(params.iterations)} (${params.strategy})`);
}

function runFalseSharing(): Promise<boolean> {
  return runMeasurement({ kind: 'false-sharing', params: { iterations: FALSE_SHARING_ITERATIONS } }, 'False sharing: same line vs padded');
}

const W = 340;
const H = 170;
const F = 12;

function Histogram({ result }: { result: RaceResult }) {
  const expected = result.runs[0]?.expected ?? 0;
  const bins = binFinals(
    result.runs.map((r) => r.final),
    expected,
  );
  const layout = histogramLayout(bins, W, H, F);
  const ex = layout.x(expected);
  return (
    <svg className="race-histogram" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Histogram of final counter values" data-testid="threads.real.histogram">
      {layout.bars.map((b, i) => (
        <rect key={i} className="race-bin" x={b.x} y={b.y} width={b.width} height={b.height} data-count={b.count}>
          <title>{`${n(Math.ceil(b.x0))} … ${n(Math.floor(b.x1))}: ${b.count} run${b.count === 1 ? '' : 's'}`}</title>
        </rect>
      ))}
      <line className="axis-line" x1={layout.x.range()[0]} x2={layout.x.range()[1]} y1={layout.baseline} y2={layout.baseline} />
      <line className="expected-line" x1={ex} x2={ex} y1={F * 0.4} y2={layout.baseline} />
      <text className="expected-label" x={ex} y={F * 0.9} textAnchor={ex > W / 2 ? 'end' : 'start'} dx={ex > W / 2 ? -4 : 4}>
        expected {n(expected)}
      </text>
      {layout.x.ticks(4).map((tick) => (
        <text key={tick} className="tick" x={layout.x(tick)} y={layout.baseline + F * 1.2} textAnchor="middle">
          {n(tick)}
        </text>
      ))}
      <text className="tick" x={F * 0.2} y={F * 1.2}>
        runs
      </text>
    </svg>
  );
}

function Stamp({ stamp, at }: { stamp: MachineStamp; at: string }) {
  return (
    <p className="stamp" data-testid="threads.real.stamp">
      {stamp.cpuModel} · {stamp.cores} cores · {stamp.os} · {stamp.runtime} · {new Date(at).toLocaleString()}
    </p>
  );
}

function RaceSummary({ result }: { result: RaceResult }) {
  const lost = result.runs.map((r) => r.lost);
  const ms = result.runs.map((r) => r.ms);
  const worst = Math.max(...lost);
  const mean = lost.reduce((a, b) => a + b, 0) / lost.length;
  const retries = result.runs.reduce((a, r) => a + (r.retries ?? 0), 0);
  const p = result.params;
  return (
    <>
      <p data-testid="threads.real.summary">
        {p.workers} threads × {n(p.iterations)} ({p.strategy}), {result.runs.length} runs: counter ended at{' '}
        {result.runs.length === 1 ? n(result.runs[0]!.final) : `${n(Math.min(...result.runs.map((r) => r.final)))} … ${n(Math.max(...result.runs.map((r) => r.final)))}`}, expected{' '}
        {n(result.runs[0]?.expected ?? 0)}.
      </p>
      <Histogram result={result} />
      <dl className="stats" data-testid="threads.real.stats">
        <dt>Lost updates</dt>
        <dd data-testid="threads.real.lost">
          {worst === 0 ? 'none' : `${n(Math.round(mean))} per run on average, ${n(worst)} at worst`}
        </dd>
        <dt>Time per run</dt>
        <dd>
          {Math.min(...ms).toFixed(1)} – {Math.max(...ms).toFixed(1)} ms
        </dd>
        <dt>Updates per second</dt>
        <dd data-testid="threads.real.ops">{n(result.opsPerS)}</dd>
        {p.strategy === 'cas' && (
          <>
            <dt>CAS retries</dt>
            <dd>{n(retries)}</dd>
          </>
        )}
        <dt>Cores</dt>
        <dd>{result.cores}</dd>
      </dl>
      <RunReliability prefix="threads.real" result={result} />
      <Stamp stamp={result.stamp} at={result.startedAt} />
    </>
  );
}

function FalseSharing({ result }: { result: FalseSharingResult | undefined }) {
  const job = useApp((s) => s.job);
  return (
    <section className="false-sharing" data-testid="threads.real.false-sharing">
      <h3>False sharing</h3>
      <p>
        Two threads, each incrementing <em>its own</em> counter {n(FALSE_SHARING_ITERATIONS)} times: first 4 bytes apart (one cache line), then 256 bytes apart.
        Nothing is shared, yet on one line every store must take the line from the other core.
      </p>
      <button type="button" disabled={job !== null} onClick={() => void runFalseSharing()} data-testid="threads.real.false-sharing.run">
        Measure false sharing
      </button>
      {result && (
        <p data-testid="threads.real.false-sharing.result">
          same line {result.sameLineMs.toFixed(1)} ms · padded {result.paddedMs.toFixed(1)} ms ·{' '}
          <strong data-testid="threads.real.false-sharing.ratio">×{result.ratio.toFixed(2)}</strong>
          {result.ratio < 1.3 ? ' (little difference: the two threads may have shared one core, or two hyperthreads that share one L1)' : ''}
        </p>
      )}
      {result && <RunReliability prefix="threads.real.false-sharing" result={result} />}
    </section>
  );
}

export function ThreadsRealRun() {
  const race = useApp((s) => s.results.race);
  const falseSharing = useApp((s) => s.results['false-sharing']);
  const params = useApp((s) => s.params);
  const settings = useStore(realRunSettings);
  const mapping = realRaceFor(params, settings.iterations, settings.repeat);
  const k = Number(params.iterations ?? '3');
  const t = Number(params.threads ?? '2');

  return (
    <div className="realrun threads-realrun" data-testid="threads.real">
      <p>
        The same race on this computer: {mapping.params.workers} worker thread{mapping.params.workers === 1 ? '' : 's'} on one shared Int32, released together,
        each running <code>{mapping.params.strategy === 'plain' || mapping.params.strategy === 'incdec' ? 'v[0] = v[0] + 1' : mapping.params.strategy}</code>{' '}
        {n(settings.iterations)} times (the simulation: {t} × {k}).
      </p>
      {mapping.note && (
        <p className="muted" data-testid="threads.real.note">
          {mapping.note}
        </p>
      )}
      <div className="row">
        <MeasureChoice label="Iterations" value={settings.iterations} values={[...new Set([...ITERATIONS, settings.iterations])].sort((a, b) => a - b)} format={(v) => <>{n(v)}</>} onChange={(v) => realRunSettings.setState({ iterations: v })} testId="threads.real.iterations" />
        <MeasureChoice label="Runs" value={settings.repeat} values={[...new Set([...REPEATS, settings.repeat])].sort((a, b) => a - b)} onChange={(v) => realRunSettings.setState({ repeat: v })} testId="threads.real.repeat" />
      </div>
      <div className="row">
        <MeasureButton prefix="threads.real" label={`Race ${mapping.params.workers} threads for real`} onRun={() => void runRace()} />
      </div>
      <MeasureStatus prefix="threads.real" />
      {race && <RaceSummary result={race} />}
      <FalseSharing result={falseSharing} />
      <ThreadsPythonPanel />
    </div>
  );
}
