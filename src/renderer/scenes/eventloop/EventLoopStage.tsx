/**
 * The Event Loop stage: the program on the left (editor, presets, runtime), the machinery on
 * the right — what the step did, the call stack, the pending work with due times (libuv's
 * timers and thread-pool I/O, or the browser's Web APIs), each queue, the console so far and a
 * virtual-time axis. Every panel is drawn from the step's own picture (sim/eventloop/trace.ts),
 * so stepping back is just showing an earlier step.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/store';
import { commitProgram, editorText, isStale } from './editorText';
import { OutOfDate } from './OutOfDate';
import { setParam, setParams } from '../../controller/sceneController';
import { SCENE_PRESETS } from '../../../sim/eventloop/presets';
import type { QueueItem } from '../../../sim/eventloop/trace';
import { CodeEditor } from './CodeEditor';
import { trustCode } from '../../controller/trust';
import { INITIAL_HASH, loadDraft, saveDraft } from './draft';
import { TimeAxis, formatNs } from './TimeAxis';
import { C10kView } from './C10kView';
import { eventLoopViewOf } from './stepReadout';

const presetSource = (id: string | undefined): string => SCENE_PRESETS.find((p) => p.id === id)?.source ?? SCENE_PRESETS[0]?.source ?? '';

function QueueBox({ title, id, items, nowNs, hint }: { title: string; id: string; items: readonly QueueItem[]; nowNs: number; hint: string }) {
  return (
    <section className={`el-queue el-queue-${id}`} data-testid={`eventloop.queue.${id}`} data-count={items.length} aria-label={title}>
      <h3>
        {title} <span className="el-count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="el-empty">{hint}</p>
      ) : (
        <ol>
          {items.map((q) => (
            <li key={q.id} data-testid={`eventloop.queue.${id}.item`} className={q.dueNs !== undefined && q.dueNs <= nowNs ? 'due' : undefined}>
              <span className="el-item-label">{q.label}</span>
              {q.dueNs !== undefined && <span className="el-due">{formatNs(q.dueNs)}</span>}
              {q.line !== null && <span className="el-line">line {q.line}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The Preset list's value when the editor holds a preset's text unchanged; otherwise "your program". */
const EDITED = '';

function Toolbar({ params, text, onPreset }: { params: Record<string, string>; text: string; onPreset: (id: string) => void }) {
  const runtime = params.runtime === 'browser' ? 'browser' : 'node';
  const edited = text !== presetSource(params.preset);
  return (
    <div className="el-toolbar">
      <label className="field inline">
        <span>Preset</span>
        <select value={edited ? EDITED : params.preset} onChange={(e) => e.target.value !== EDITED && onPreset(e.target.value)} data-testid="eventloop.preset">
          {edited && (
            <option value={EDITED} disabled>
              Your program (edited)
            </option>
          )}
          {SCENE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <div className="el-runtime" role="radiogroup" aria-label="Runtime">
        {(['node', 'browser'] as const).map((r) => (
          <button key={r} type="button" role="radio" aria-checked={runtime === r} className={runtime === r ? 'primary' : undefined} onClick={() => setParam('runtime', r)} data-testid={`eventloop.runtime.${r}`}>
            {r === 'node' ? 'Node 20' : 'Browser'}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The hash the page was opened with: only that first visit may name a program explicitly. */
let firstMount = true;

/** The program text: the URL's when the page was opened on a link naming one, else the autosaved draft. */
function useProgram(params: Record<string, string>): [string, (v: string) => void, (id: string) => void] {
  const current = params.code ?? presetSource(params.preset);
  const [text, setTextState] = useState(current);
  const sent = useRef<string>(current);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Every change of the editor's text is known at once (results of older code go out of date).
  const setText = (v: string): void => {
    setTextState(v);
    editorText.setState({ text: v });
  };
  useEffect(() => {
    editorText.setState({ text: current });
    const explicit = firstMount && /[?&](code|preset)=/.test(INITIAL_HASH);
    firstMount = false;
    const draft = loadDraft();
    if (!explicit && draft !== null && draft !== current) {
      setText(draft);
      sent.current = draft;
      commitProgram(draft);
    }
    // Only at mount: later changes come from the user or the URL.
    return () => editorText.setState({ text: null });
  }, []);
  useEffect(() => {
    if (current !== sent.current) {
      sent.current = current;
      setText(current);
    }
  }, [current]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const edit = (v: string): void => {
    // Typed here: the user's own code (controller/trust.ts).
    trustCode(v);
    setText(v);
    saveDraft(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current = v;
      commitProgram(v);
    }, 350);
  };
  const preset = (id: string): void => {
    const source = presetSource(id);
    if (timer.current) clearTimeout(timer.current);
    setText(source);
    saveDraft(source);
    sent.current = source;
    setParams({ preset: id, code: null });
  };
  return [text, edit, preset];
}

function ViewSwitch({ view }: { view: 'program' | 'c10k' }) {
  return (
    <div className="el-views" role="radiogroup" aria-label="View">
      {(['program', 'c10k'] as const).map((v) => (
        <button key={v} type="button" role="radio" aria-checked={view === v} className={view === v ? 'primary' : undefined} onClick={() => setParam('view', v)} data-testid={`eventloop.view.${v}`}>
          {v === 'program' ? 'Your program' : 'C10k'}
        </button>
      ))}
    </div>
  );
}

export function EventLoopStage() {
  const params = useApp((s) => s.params);
  if (params.view === 'c10k') {
    return (
      <div className="el-stage c10k-stage" data-testid="eventloop.stage" data-view="c10k">
        <ViewSwitch view="c10k" />
        <C10kView />
      </div>
    );
  }
  return <ProgramView params={params} />;
}

function ProgramView({ params }: { params: Record<string, string> }) {
  const view = useApp((s) => eventLoopViewOf(s.frame));
  const [text, edit, preset] = useProgram(params);
  const step = view?.step ?? null;
  const q = step?.queues;
  const nowNs = step?.t ?? 0;
  const node = (view?.runtime ?? 'node') === 'node';
  const loading = useApp((s) => s.loading);
  // Everything below was computed from the model's code: once the editor differs, it is out of date.
  const stale = isStale(view, text, loading);
  return (
    <div className="el-stage" data-testid="eventloop.stage" data-runtime={view?.runtime ?? 'node'} data-step={view?.index ?? -1} data-stale={stale ? 'true' : 'false'}>
      <div className="el-left">
        <ViewSwitch view="program" />
        <Toolbar params={params} text={text} onPreset={preset} />
        <CodeEditor value={text} onChange={edit} currentLine={stale ? null : (step?.line ?? null)} errorLine={stale ? null : (view?.error?.line ?? null)} />
        {view?.error && (
          <p className={`notice error${stale ? ' el-outdated' : ''}`} role="alert" data-testid="eventloop.error" data-line={view.error.line} data-column={view.error.column} data-stale={stale ? 'true' : undefined}>
            {stale && <span className="el-outdated-tag">out of date · </span>}
            Line {view.error.line}, column {view.error.column}: {view.error.message.replace(/ \(line \d+, column \d+\)$/, '')}
          </p>
        )}
        {view?.notes.map((n) => (
          <p key={n} className={`notice${stale ? ' el-outdated' : ''}`} data-testid="eventloop.note">
            {n}
          </p>
        ))}
      </div>
      <div className={`el-right${stale ? ' el-outdated' : ''}`} aria-busy={stale}>
        {stale && <OutOfDate />}
        <div className="el-now" data-testid="eventloop.now" data-phase={step?.phase ?? 'before'} aria-live="polite">
          <span className="el-phase">{step ? step.phase : 'before'}</span>
          <span data-testid="eventloop.step-label">{step ? step.label : view?.error ? 'the program was not run' : 'step forward to run the script'}</span>
          <span className="el-time">{formatNs(nowNs)}</span>
        </div>
        <div className="el-machinery">
          <section className="el-queue el-stack" data-testid="eventloop.stack" aria-label="Call stack">
            <h3>Call stack</h3>
            {step && step.stack.length > 0 ? (
              <ol reversed>
                {[...step.stack].reverse().map((f, i) => (
                  <li key={i} data-testid="eventloop.stack.frame">
                    {f}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="el-empty">empty: the loop is free</p>
            )}
            {step && step.parked.length > 0 && (
              <div className="el-parked" data-testid="eventloop.parked" aria-label="Suspended functions">
                <h4>Parked (suspended at await / yield)</h4>
                <ul>
                  {step.parked.map((f) => (
                    <li key={f} data-testid="eventloop.parked.frame">
                      {f}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
          <QueueBox title={node ? 'libuv: timers' : 'Web APIs: timers'} id="timers" items={q?.timers ?? []} nowNs={nowNs} hint="no timers pending" />
          <QueueBox title={node ? 'libuv: thread-pool I/O' : 'Web APIs: I/O'} id="io" items={q?.io ?? []} nowNs={nowNs} hint="no I/O in flight" />
          {node && <QueueBox title="nextTick queue" id="ticks" items={q?.ticks ?? []} nowNs={nowNs} hint="empty" />}
          <QueueBox title="Microtask queue" id="microtasks" items={q?.microtasks ?? []} nowNs={nowNs} hint="empty" />
          {node ? (
            <QueueBox title="Check queue (setImmediate)" id="check" items={q?.check ?? []} nowNs={nowNs} hint="empty" />
          ) : (
            <>
              <QueueBox title="Task queue" id="tasks" items={q?.tasks ?? []} nowNs={nowNs} hint="empty" />
              <QueueBox title="Animation frames (rAF)" id="frames" items={q?.frames ?? []} nowNs={nowNs} hint="empty" />
            </>
          )}
        </div>
        <section className="el-console" data-testid="eventloop.console" aria-label="Console">
          <h3>Console</h3>
          <ol>
            {(view?.console ?? []).map((l, i) => (
              <li key={i} className={l.stream} data-testid="eventloop.console.line">
                {l.text}
              </li>
            ))}
          </ol>
          {step?.kind === 'exit' && view?.exit && (
            <p className={view.exit.reason === 'done' ? 'el-exit' : 'el-exit error'} data-testid="eventloop.exit">
              {view.exit.reason === 'done' ? 'The process exits: nothing is left to wait for.' : `The process ends (exit code ${view.exit.code}): ${view.exit.message ?? view.exit.reason}`}
            </p>
          )}
        </section>
        {view && <TimeAxis times={view.stepTimes} endNs={view.endNs} nowNs={nowNs} />}
      </div>
    </div>
  );
}
