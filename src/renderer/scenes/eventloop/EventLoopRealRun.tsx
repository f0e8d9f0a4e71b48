/**
 * Real run: the same program run for real — for Node, in a separate Node process under the
 * permission model (reads only its temporary copy; 5 s and 128 MiB budgets), through the
 * host's `event-loop` measurement — and its output beside the model's, every difference marked.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { store, useApp } from '../../state/store';
import type { EventLoopView } from '../../../sim/eventloop/scene';
import { runInBrowserWorker, type BrowserRealOutcome } from './browserReal';
import { compareOutputs, outputLines } from './compare';
import { eventLoopViewOf } from './stepReadout';

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): the last real run's program and the browser run's outcome are this scene's; results shared with other scenes go through the app store's `results`.
/** Which program the stored result belongs to; the browser runtime's last run (it needs no host). */
const lastRun = createStore<{ source: string | null; browser: (BrowserRealOutcome & { source: string }) | null; browserRunning: boolean }>()(() => ({ source: null, browser: null, browserRunning: false }));

/** Runs the current program for real (the R key, the button): Node through the host, the browser in a sandboxed worker. */
export async function runRealEventLoop(): Promise<boolean> {
  const view = eventLoopViewOf(store.getState().frame);
  if (!view) return false;
  if (view.runtime === 'browser') {
    if (lastRun.getState().browserRunning) return false;
    lastRun.setState({ browserRunning: true });
    const outcome = await runInBrowserWorker(view.code);
    lastRun.setState({ browser: { ...outcome, source: view.code }, browserRunning: false });
    return true;
  }
  lastRun.setState({ source: view.code });
  return runMeasurement({ kind: 'event-loop', params: { source: view.code, runtime: 'node' } }, 'Event loop: the program, for real');
}

function BrowserReal({ view }: { view: EventLoopView }) {
  const { browser, browserRunning } = useStore(lastRun);
  const current = browser !== null && browser.source === view.code;
  const model = view.finalConsole.filter((l) => l.stream === 'stdout').map((l) => l.text);
  const rows = current ? compareOutputs(model, browser.stdout) : [];
  const differences = rows.filter((r) => !r.same).length;
  return (
    <>
      <p>
        The browser runtime runs for real in a dedicated Worker made from a blob URL: no DOM, network and storage APIs
        shadowed, terminated after 5 s. (A worker&apos;s loop has no rendering, so animation frames there follow the
        worker&apos;s own timing.) Console lines are formatted as the model formats them.
      </p>
      <div className="row">
        <button type="button" className="primary" disabled={browserRunning} onClick={() => void runRealEventLoop()} data-testid="eventloop.real.run">
          {browserRunning ? 'Running…' : 'Run it for real (worker)'}
        </button>
      </div>
      {current ? (
        <>
          {browser.stopped !== null && (
            <p className="notice error" role="alert" data-testid="eventloop.real.stopped" data-why={browser.stopped}>
              stopped after 5 s (the time budget): an infinite loop, or a program that keeps scheduling work?
            </p>
          )}
          <Verdict rows={rows} differences={differences} realLabel="real (this browser, worker)" />
          {browser.stderr.length > 0 && <pre className="el-stderr" data-testid="eventloop.real.stderr">{browser.stderr.join('\n')}</pre>}
          <p className="stamp">{browser.wallMs.toFixed(0)} ms wall</p>
        </>
      ) : (
        <p className="muted" data-testid="eventloop.real.empty">
          Not run yet for this program.
        </p>
      )}
    </>
  );
}

function Verdict({ rows, differences, realLabel }: { rows: ReturnType<typeof compareOutputs>; differences: number; realLabel: string }) {
  return (
    <>
      <p className={differences === 0 ? 'el-verdict same' : 'el-verdict differ'} data-testid="eventloop.real.summary" data-differences={differences}>
        {differences === 0 ? `The model predicted all ${rows.length} lines exactly.` : `${differences} of ${rows.length} lines differ (marked).`}
      </p>
      <table className="el-compare" data-testid="eventloop.real.table">
        <thead>
          <tr>
            <th>#</th>
            <th>model</th>
            <th>{realLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className={r.same ? undefined : 'diff'} data-testid={r.same ? 'eventloop.real.row' : 'eventloop.real.diff'}>
              <td>{r.line}</td>
              <td>{r.model ?? '—'}</td>
              <td>{r.real ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function EventLoopRealRun() {
  const view = useApp((s) => eventLoopViewOf(s.frame));
  const result = useApp((s) => s.results['event-loop']);
  const { source } = useStore(lastRun);
  const browser = view?.runtime === 'browser';
  const current = result !== undefined && view !== undefined && source === view.code;
  const model = (view?.finalConsole ?? []).filter((l) => l.stream === 'stdout').map((l) => l.text);
  const rows = current ? compareOutputs(model, outputLines(result.stdout)) : [];
  const differences = rows.filter((r) => !r.same).length;
  if (view && browser) {
    return (
      <div className="realrun el-realrun" data-testid="eventloop.real">
        <BrowserReal view={view} />
      </div>
    );
  }
  return (
    <div className="realrun el-realrun" data-testid="eventloop.real">
      <p>
        The same code, run for real in a separate Node process started with Node&apos;s permission model: it may read only
        its own temporary copy (so <code>fs.readFile(__filename)</code> works), not your files; no child processes, no
        network modules; 5 s and 128 MiB, then it is stopped. Its console is shown beside the model&apos;s.
      </p>
      <div className="row">
        <MeasureButton prefix="eventloop.real" label="Run it for real" onRun={() => void runRealEventLoop()} />
      </div>
      <MeasureStatus prefix="eventloop.real" />
      {current && result ? (
        <>
          {result.stopped !== null && (
            <p className="notice error" role="alert" data-testid="eventloop.real.stopped" data-why={result.stopped}>
              {result.message}
            </p>
          )}
          <Verdict rows={rows} differences={differences} realLabel={`real (Node ${result.runtimeVersion})`} />
          {result.stderr !== '' && (
            <details>
              <summary>stderr of the real run</summary>
              <pre className="el-stderr" data-testid="eventloop.real.stderr">{result.stderr}</pre>
            </details>
          )}
          <p className="stamp" data-testid="eventloop.real.stamp">
            exit code {result.exitCode ?? result.signal ?? '—'} · {result.wallMs.toFixed(0)} ms wall · {result.events.filter((e) => e.kind === 'enter').length} callbacks entered · {result.stamp.os}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="eventloop.real.empty">
          Not run yet for this program.
        </p>
      )}
    </div>
  );
}
