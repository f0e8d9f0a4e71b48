/**
 * Real run: the same program run for real — for Node, in a separate Node process under the
 * permission model (reads only its temporary copy; 5 s and 128 MiB budgets), through the
 * host's `event-loop` measurement — and its output beside the model's, every difference marked.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { RunReliability } from '../../components/RunReliability';
import { MeasureButton, MeasureStatus } from '../../components/MeasureControls';
import { runMeasurement } from '../../controller/measure';
import { store, useApp } from '../../state/store';
import { isTrusted, runIfTrusted } from '../../controller/trust';
import type { EventLoopView } from '../../../sim/eventloop/scene';
import { runInBrowserWorker, type BrowserRealOutcome } from './browserReal';
import { compareOutputs, outputLines, raceRules, terminalLines, verdict, type CompareRow, type RunFailures } from './compare';
import { commitProgram, currentProgram, editorText, isStale } from './editorText';
import { OutOfDate } from './OutOfDate';
import { eventLoopViewOf } from './stepReadout';

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): the last real run's program and the browser run's outcome are this scene's; results shared with other scenes go through the app store's `results`.
/** Which program the stored result belongs to; the browser runtime's last run (it needs no host). */
const lastRun = createStore<{ source: string | null; browser: (BrowserRealOutcome & { source: string }) | null; browserRunning: boolean }>()(() => ({ source: null, browser: null, browserRunning: false }));

/**
 * Runs the program in the editor for real (the R key, the button) — never an older one: the
 * editor's text goes to the model at once, too. Node through the host, the browser in the sandbox
 * frame. Code the user did not type here asks first (controller/trust.ts).
 */
export async function runRealEventLoop(): Promise<boolean> {
  const view = eventLoopViewOf(store.getState().frame);
  const code = currentProgram();
  // The C10k view is closed forms: there is no program of its own to run.
  if (!view || view.c10k || code === null) return false;
  if (!isTrusted(code)) {
    runIfTrusted({ code, runtime: view.runtime === 'browser' ? 'browser' : 'node', run: () => void runRealEventLoop() });
    return false;
  }
  commitProgram(code);
  if (view.runtime === 'browser') {
    if (lastRun.getState().browserRunning) return false;
    lastRun.setState({ browserRunning: true });
    const outcome = await runInBrowserWorker(code);
    lastRun.setState({ browser: { ...outcome, source: code }, browserRunning: false });
    return true;
  }
  lastRun.setState({ source: code });
  return runMeasurement({ kind: 'event-loop', params: { source: code, runtime: 'node', confirmed: true } }, 'Event loop: the program, for real');
}

/** Why the model's prediction cannot be checked, or null when it ran to the end. */
function modelFailure(view: EventLoopView): string | null {
  if (view.error) return view.error.message;
  if (!view.exit) return 'it did not run';
  if (view.exit.reason === 'budget') return view.exit.message ?? 'it hit its budget';
  return null;
}

/** The model's stdout as terminal lines, and the race rules its timing implies. */
function modelSide(view: EventLoopView) {
  const lines = terminalLines(view.finalConsole.filter((l) => l.stream === 'stdout'));
  return { lines, rules: raceRules(view.runtime, view.code, view.notes) };
}

/** Where the shown code, the editor and the last real run stand. */
function useFreshness(view: EventLoopView, source: string | null) {
  const text = useStore(editorText, (s) => s.text) ?? view.code;
  const loading = useApp((s) => s.loading);
  const stale = isStale(view, text, loading);
  // A real run of the editor's program, waiting for the model to catch up before comparing.
  const waiting = stale && source === text;
  return { stale, waiting, current: !stale && source === view.code, oldResult: stale && source !== null && source !== text };
}

function BrowserReal({ view }: { view: EventLoopView }) {
  const { browser, browserRunning } = useStore(lastRun);
  const { stale, waiting, current } = useFreshness(view, browser?.source ?? null);
  const { lines, rules } = modelSide(view);
  const shown = browser !== null && (current || stale);
  const rows = shown ? compareOutputs(lines, browser.stdout.flatMap((l) => l.split('\n')), rules) : [];
  return (
    <>
      <p>
        The browser runtime runs for real in a Worker inside a sandboxed frame with no origin of its own: no DOM, no
        network (not even this app), no storage; 1 MiB of output, terminated after 5 s. (A worker&apos;s loop has no rendering, so animation frames there follow the
        worker&apos;s own timing.) Console lines are formatted as the model formats them.
      </p>
      <div className="row">
        <button type="button" className="primary" disabled={browserRunning} onClick={() => void runRealEventLoop()} data-testid="eventloop.real.run">
          {browserRunning ? 'Running…' : 'Run it for real (worker)'}
        </button>
      </div>
      {shown ? (
        <div className={stale ? 'el-outdated' : undefined} data-testid="eventloop.real.result" data-stale={stale ? 'true' : 'false'}>
          {stale && <OutOfDate what={waiting ? 'the model is catching up with the program that ran' : 'this result is for the previous program'} />}
          {browser.stopped !== null && (
            <p className="notice error" role="alert" data-testid="eventloop.real.stopped" data-why={browser.stopped}>
              {browser.stopped === 'output'
                ? 'stopped: the program printed more than 1024 KiB'
                : 'stopped after 5 s (the time budget): an infinite loop, or a program that keeps scheduling work?'}
            </p>
          )}
          <Verdict rows={rows} failed={{ model: modelFailure(view), real: browser.stopped !== null ? 'stopped after 5 s' : null }} realLabel="real (this browser, worker)" />
          {browser.stderr.length > 0 && <pre className="el-stderr" data-testid="eventloop.real.stderr">{browser.stderr.join('\n')}</pre>}
          <p className="stamp">{browser.wallMs.toFixed(0)} ms wall</p>
        </div>
      ) : (
        <p className="muted" data-testid="eventloop.real.empty">
          Not run yet for this program.
        </p>
      )}
    </>
  );
}

function Verdict({ rows, failed, realLabel }: { rows: readonly CompareRow[]; failed: RunFailures; realLabel: string }) {
  const differences = rows.filter((r) => r.status === 'differ').length;
  const races = rows.filter((r) => r.status === 'race').length;
  const ok = differences === 0 && failed.model === null && failed.real === null;
  return (
    <>
      <p className={ok ? 'el-verdict same' : 'el-verdict differ'} data-testid="eventloop.real.summary" data-differences={differences} data-races={races}>
        {verdict(rows, failed)}
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
            <tr
              key={r.line}
              className={r.status === 'same' ? undefined : r.status === 'race' ? 'race' : 'diff'}
              data-testid={r.status === 'same' ? 'eventloop.real.row' : r.status === 'race' ? 'eventloop.real.race' : 'eventloop.real.diff'}
              title={r.status === 'race' ? 'race: either order is correct' : undefined}
            >
              <td>{r.line}</td>
              <td>{r.model ?? '—'}</td>
              <td>
                {r.real ?? '—'}
                {r.status === 'race' && <span className="el-race-tag"> race: either order is correct</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function EventLoopRealRun() {
  const view = useApp((s) => eventLoopViewOf(s.frame));
  if (!view) return <div className="realrun el-realrun" data-testid="eventloop.real" />;
  if (view.c10k) {
    return (
      <div className="realrun el-realrun" data-testid="eventloop.real" data-view="c10k">
        <p data-testid="eventloop.real.c10k">
          C10k is computed from closed forms on the 2020 machine model (thread creation, stacks, context switches and round
          trips from its tables), so there is no program to run for real in this view. Switch to <strong>Your program</strong> to
          run your code for real beside the model.
        </p>
      </div>
    );
  }
  if (view.runtime === 'browser') {
    return (
      <div className="realrun el-realrun" data-testid="eventloop.real">
        <BrowserReal view={view} />
      </div>
    );
  }
  return <NodeReal view={view} />;
}

function NodeReal({ view }: { view: EventLoopView }) {
  const result = useApp((s) => s.results['event-loop']);
  const { source } = useStore(lastRun);
  const { stale, waiting, current } = useFreshness(view, source);
  const { lines, rules } = modelSide(view);
  const shown = result !== undefined && (current || stale) && source !== null;
  const rows = shown ? compareOutputs(lines, outputLines(result.stdout), rules) : [];
  return (
    <div className="realrun el-realrun" data-testid="eventloop.real">
      <p>
        The same code, run for real in a separate Node process, sandboxed: it sees no <code>process</code> or module of
        Node&apos;s beyond its console, timers and <code>fs.readFile</code> of its own temporary copy (so{' '}
        <code>fs.readFile(__filename)</code> works); no files of yours, no network, no other processes; 5 s, 320 MiB and
        1 MiB of output, then it is stopped. Code you did not type here asks first. Its console is shown beside the
        model&apos;s.
      </p>
      <div className="row">
        <MeasureButton prefix="eventloop.real" label="Run it for real" onRun={() => void runRealEventLoop()} />
      </div>
      <MeasureStatus prefix="eventloop.real" />
      {shown && result ? (
        <div className={stale ? 'el-outdated' : undefined} data-testid="eventloop.real.result" data-stale={stale ? 'true' : 'false'}>
          {stale && <OutOfDate what={waiting ? 'the model is catching up with the program that ran' : 'this result is for the previous program'} />}
          {result.stopped !== null && (
            <p className="notice error" role="alert" data-testid="eventloop.real.stopped" data-why={result.stopped}>
              {result.message}
            </p>
          )}
          <Verdict rows={rows} failed={{ model: modelFailure(view), real: result.stopped !== null ? (result.message ?? result.stopped) : null }} realLabel={`real (Node ${result.runtimeVersion})`} />
          {result.stderr !== '' && (
            <details>
              <summary>stderr of the real run</summary>
              <pre className="el-stderr" data-testid="eventloop.real.stderr">{result.stderr}</pre>
            </details>
          )}
          {result.sandbox && (
            <p className="stamp" data-testid="eventloop.real.sandbox" data-namespaces={result.sandbox.namespaces.join(' ')}>
              Sandbox: a fresh context, Node&apos;s permission model, its own session
              {result.sandbox.namespaces.length > 0 ? `, Linux ${result.sandbox.namespaces.join(', ')} namespaces` : ''}
              {result.sandbox.osSandbox === 'sandbox-exec' ? ", macOS's sandbox-exec" : ''}
              {result.sandbox.note ? ` — ${result.sandbox.note}` : ''}.
            </p>
          )}
          <RunReliability prefix="eventloop.real" result={result} />
          <p className="stamp" data-testid="eventloop.real.stamp">
            exit code {result.exitCode ?? result.signal ?? '—'} · {result.wallMs.toFixed(0)} ms wall · {result.events.filter((e) => e.kind === 'enter').length} callbacks entered · {result.stamp.os}
          </p>
        </div>
      ) : (
        <p className="muted" data-testid="eventloop.real.empty">
          Not run yet for this program.
        </p>
      )}
    </div>
  );
}
