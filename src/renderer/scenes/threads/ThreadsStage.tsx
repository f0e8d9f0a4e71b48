/**
 * The threads scene: one card per thread (its source line, the micro-ops it compiles to with
 * the program counter, its registers), shared memory with the expected value and the lost
 * updates, the last step (a lost update flagged), and in parallel mode the cores with the
 * MESI state of each cache line. The student can be the scheduler: a button per thread, a
 * click on its card, or its number on the keyboard runs it one micro-op.
 * Everything here changes per step, not per animation frame, so React renders it per step.
 */
import { useEffect, useRef } from 'react';
import { useApp } from '../../state/store';
import { seekStep } from '../../controller/playback';
import type { ThreadView, ThreadsView } from '../../../sim/threads/scene';
import { isTypingTarget } from '../../commands/registry';

import { advanceThread } from './userScheduler';
import { goalFor, param } from './lesson';
import { forwardOnly, stripCells } from './interleaving';
import { threadsViewOf } from './stepReadout';
import { formatNs } from '../../../sim/core/format';

function deltaText(role: string): string {
  return role === 'incrementer' ? '+1' : role === 'decrementer' ? '−1' : 'update';
}

/** "Thread 1 overwrote thread 0's +1": the overwritten thread is known for sure only with two threads. */
function lostText(view: ThreadsView, thread: number): string {
  if (view.threads.length === 2) {
    const other = view.threads.find((t) => t.id !== thread);
    if (other) return `Thread ${thread} overwrote thread ${other.id}'s ${deltaText(other.role)}: that update is lost.`;
  }
  return `Thread ${thread} stored a stale value over another thread's update: that update is lost.`;
}

function ThreadCard({ thread, runnable, onAdvance }: { thread: ThreadView; runnable: boolean; onAdvance: (id: number) => void }) {
  const base = `threads.thread.${thread.id}`;
  return (
    <section
      className={`thread-card ${thread.state}${runnable ? ' runnable' : ''}`}
      data-testid={base}
      data-state={thread.state}
      aria-label={`Thread ${thread.id}, ${thread.role}, ${thread.state}`}
      onClick={() => runnable && onAdvance(thread.id)}
    >
      <header>
        <span className="thread-name">Thread {thread.id}</span>
        <span className="thread-role">{thread.role}</span>
        <span className={`thread-state ${thread.state}`} data-testid={`${base}.state`}>
          {thread.state}
        </span>
      </header>
      <div className="thread-meta">
        <span data-testid={`${base}.iteration`}>
          {thread.state === 'done' ? `done: ${thread.iteration} iterations` : `iteration ${thread.iteration + 1}`}
        </span>
        {thread.core !== null && <span data-testid={`${base}.core`}>core {thread.core}</span>}
        {thread.retries > 0 && <span data-testid={`${base}.retries`}>retries {thread.retries}</span>}
      </div>
      <ol className="thread-source" aria-label="Source">
        {thread.source.map((line, i) => (
          <li key={i} className={i === thread.line ? 'current' : undefined} data-testid={`${base}.line.${i}`}>
            <code>{line}</code>
          </li>
        ))}
      </ol>
      <ol className="thread-ops" aria-label="Micro-ops">
        {thread.ops.map((op, i) => (
          <li key={i} className={i === thread.pc ? 'pc' : undefined} data-testid={`${base}.op.${i}`} data-pc={i === thread.pc ? 'true' : undefined}>
            <span className="pc-mark" aria-hidden="true">
              {i === thread.pc ? '▶' : ''}
            </span>
            <code>{op}</code>
          </li>
        ))}
      </ol>
      <dl className="registers">
        {Object.entries(thread.registers).map(([name, value]) => (
          <div key={name} data-testid={`${base}.reg.${name}`}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="advance"
        disabled={!runnable}
        onClick={(e) => {
          e.stopPropagation();
          onAdvance(thread.id);
        }}
        data-testid={`threads.advance.${thread.id}`}
        title={`Run thread ${thread.id} one micro-op (key ${thread.id})`}
      >
        Run thread {thread.id} one step <kbd>{thread.id}</kbd>
      </button>
    </section>
  );
}

function valueText(value: number | readonly number[]): string {
  return typeof value === 'number' ? String(value) : `[${value.join(', ')}]`;
}

function Memory({ view }: { view: ThreadsView }) {
  return (
    <section className="shared-memory" data-testid="threads.memory" aria-label="Shared memory">
      <h3>Shared memory</h3>
      <div className="words">
        {view.memory.map((word) => {
          const isMutex = word.name === 'm';
          return (
            <div key={word.name} className={`word ${typeof word.value === 'number' ? 'scalar' : 'list'}`} data-testid={`threads.memory.${word.name}`}>
              <span className="word-name">{word.name}</span>
              <span className="word-value" data-testid={`threads.memory.${word.name}.value`}>
                {isMutex && typeof word.value === 'number' ? (word.value === 0 ? 'free' : `held by ${word.value - 1}`) : valueText(word.value)}
              </span>
            </div>
          );
        })}
      </div>
      {view.expected !== null && (
        <p className="expected" data-testid="threads.expected">
          expected if no update were lost: <strong>{view.expected}</strong>
        </p>
      )}
      <p className={`lost-count${view.lostUpdates > 0 ? ' some' : ''}`} data-testid="threads.lost">
        lost updates: <strong>{view.lostUpdates}</strong>
      </p>
    </section>
  );
}

type CoreLines = NonNullable<ThreadsView['cores']>;

/** Lines that moved into a core at this step (it now owns them, M or E; it did not before). */
function arrivals(before: CoreLines | null, after: CoreLines): { line: string; from: number | null; to: number }[] {
  if (!before) return [];
  const moved: { line: string; from: number | null; to: number }[] = [];
  for (const core of after) {
    for (const line of core.lines) {
      const was = before[core.id]?.lines.find((l) => l.name === line.name)?.state;
      if ((line.state === 'M' || line.state === 'E') && was !== 'M' && was !== 'E') {
        const from = before.find((c) => c.id !== core.id && c.lines.some((l) => l.name === line.name && (l.state === 'M' || l.state === 'E' || l.state === 'S')));
        moved.push({ line: line.name, from: from?.id ?? null, to: core.id });
      }
    }
  }
  return moved;
}

function Cores({ view, step }: { view: ThreadsView; step: number }) {
  // The view of the step before, to show which line just travelled (one step apart only).
  const previous = useRef<{ step: number; cores: CoreLines } | null>(null);
  const before = previous.current && previous.current.step === step - 1 ? previous.current.cores : null;
  useEffect(() => {
    previous.current = view.cores ? { step, cores: view.cores } : null;
  });
  if (!view.cores) return null;
  const coherence = view.coherence;
  const moved = arrivals(before, view.cores);
  return (
    <section className="cores" data-testid="threads.cores" aria-label="Cores and caches">
      <h3>Cores and their cache lines (MESI)</h3>
      <div className="core-row">
        {view.cores.map((core) => (
          <div key={core.id} className="core" data-testid={`threads.core.${core.id}`}>
            <span className="core-name">
              core {core.id}
              {core.thread !== null ? ` · thread ${core.thread}` : ''}
            </span>
            <div className="lines">
              {core.lines.map((line) => (
                <span
                  key={line.name}
                  className={`line mesi-${line.state}${moved.some((m) => m.to === core.id && m.line === line.name) ? ' arrived' : ''}`} data-testid={`threads.core.${core.id}.line.${line.name}`} data-state={line.state} title={`${line.name}: ${line.state}`}>
                  <span className="line-name">{line.name}</span>
                  <span className="line-state">{line.state}</span>
                </span>
              ))}
            </div>
          </div>
        ))}
      </div>
      <p className="moved" data-testid="threads.moved" aria-live="polite">
        {moved.length
          ? moved.map((m) =>
              m.from === null
                ? `line ${m.line}: fetched into core ${m.to}`
                : `line ${m.line}: core ${m.from} → core ${m.to}, ${formatNs(view.costs.transfer)} (the other copy invalidated)`,
            ).join('; ')
          : ' '}
      </p>
      {coherence && (
        <p className="coherence" data-testid="threads.coherence">
          line transfers <strong>{coherence.transfers}</strong> · invalidations <strong>{coherence.invalidations}</strong> · time moving lines{' '}
          <strong>{formatNs(coherence.ns)}</strong> <span className="muted">({formatNs(view.costs.transfer)} per transfer, {view.costs.transferSource})</span>
        </p>
      )}
    </section>
  );
}

function Goal({ view }: { view: ThreadsView }) {
  const params = useApp((s) => s.params);
  const goal = params.sharing && params.sharing !== 'none' ? null : goalFor(params);
  if (!goal) return null;
  const counter = view.memory.find((w) => w.name === 'counter');
  const reached =
    view.finished && (goal.value === null ? view.lostUpdates > 0 : typeof counter?.value === 'number' && counter.value === goal.value);
  return (
    <p className={`goal${reached ? ' reached' : ''}`} data-testid="threads.goal" data-reached={reached ? 'true' : 'false'}>
      {reached ? (
        <span data-testid="threads.goal.success">
          You did it: {goal.value === null ? 'an item was lost or duplicated' : `the counter ended at ${goal.value}`}. The code never changed; only the order of the steps did.
        </span>
      ) : view.runnable.length > 0 ? (
        <>
          <strong>Your turn:</strong> {goal.text} Run threads one step at a time (buttons or keys 0–{view.threads.length - 1}).
        </>
      ) : (
        // No thread can run from here (the run is over): the buttons are disabled, so no keys are offered.
        <span data-testid="threads.goal.later">
          <strong>Your turn:</strong> {goal.text} Go back to an earlier step (← or Home), then run threads one step at a time from there.
        </span>
      )}
    </p>
  );
}

/** Who ran at each step; a click moves the playhead there. */
function Strip({ view, step }: { view: ThreadsView; step: number }) {
  const params = useApp((s) => s.params);
  const scroller = useRef<HTMLDivElement>(null);
  const cells = stripCells(
    view.schedule,
    view.threads.map((t) => t.ops),
    forwardOnly(param(params, 'strategy')),
  );
  useEffect(() => {
    const el = scroller.current?.querySelector('.now');
    if (el && 'scrollIntoView' in el) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [step]);
  if (cells.length === 0) return null;
  return (
    <section className="strip" aria-label="Interleaving so far" data-testid="threads.strip">
      <div className="strip-scroll" ref={scroller}>
        <table>
          <tbody>
            {view.threads.map((t) => (
              <tr key={t.id}>
                <th scope="row">T{t.id}</th>
                {cells.map((c) => (
                  <td
                    key={c.step}
                    className={`${c.thread === t.id ? `ran t${t.id % 4}` : ''}${c.step === step ? ' now' : ''}`}
                    title={c.thread === t.id ? `step ${c.step}: thread ${t.id}${c.op ? ` ${c.op}` : ''}` : undefined}
                    onClick={() => seekStep(c.step)}
                    data-testid={c.thread === t.id ? `threads.strip.${c.step}` : undefined}
                  >
                    {c.thread === t.id ? c.mark : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="strip-legend muted">L load · + add · S store · F fetch_add · C cas · K lock · U unlock — click a step to go there</p>
    </section>
  );
}

export function ThreadsStage() {
  const frame = useApp((s) => s.frame);
  const loading = useApp((s) => s.loading);
  const view = threadsViewOf(frame) ?? null;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (!/^[0-9]$/.test(event.key)) return;
      if (advanceThread(Number(event.key))) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!view || !Array.isArray(view.threads)) return <div className="threads" data-testid="threads.stage" />;
  const last = view.last;
  const runnable = new Set(view.runnable);
  const canAdvance = (id: number) => runnable.has(id) && !loading;

  return (
    <div className="threads" data-testid="threads.stage" data-step={frame?.step ?? 0}>
      <div className="thread-row">
        {view.threads.map((thread) => (
          <ThreadCard key={thread.id} thread={thread} runnable={canAdvance(thread.id)} onAdvance={(id) => void advanceThread(id)} />
        ))}
      </div>
      <Strip view={view} step={frame?.step ?? 0} />
      <div className="threads-bottom">
        <Memory view={view} />
        <div className="threads-side">
          <p className={`last-step${last?.lost ? ' lost' : ''}`} data-testid="threads.last" aria-live="polite">
            {last ? (
              <>
                Last step: thread {last.thread} ran <code>{last.op}</code>
                {last.lost && (
                  <strong className="lost-flag" data-testid="threads.last.lost">
                    {' '}
                    — {lostText(view, last.thread)}
                  </strong>
                )}
              </>
            ) : (
              'No step yet: every thread is at its first micro-op.'
            )}
          </p>
          <p className="schedule" data-testid="threads.schedule">
            {view.finished ? 'Finished. ' : ''}Schedule so far: {view.schedule.length ? view.schedule.join(' ') : '—'}
          </p>
          <Goal view={view} />
          <Cores view={view} step={frame?.step ?? 0} />
        </div>
      </div>
    </div>
  );
}
