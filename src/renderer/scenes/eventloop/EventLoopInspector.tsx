/** The Inspector: the step in words, the runtime's rules, how the program ended, the I/O latency used. */
import { Fragment } from 'react';
import { useApp } from '../../state/store';
import type { C10kFrame } from '../../../sim/eventloop/scene';
import { formatNs } from './TimeAxis';
import { eventLoopViewOf } from './stepReadout';

const NODE_RULES = [
  'After every callback: the whole nextTick queue, then every microtask (promise jobs, queueMicrotask), again until both are empty.',
  'Then the loop: timers (due setTimeout / setInterval, by due time) → pending → poll (waits for I/O or the next timer) → check (setImmediate) → close.',
  'await on a native promise costs one microtask tick; on a thenable two more; returning a promise from then or an async function two more.',
  'An unhandled rejection ends the program once the current drain is over (Node 20 default: throw).',
];
const BROWSER_RULES = [
  'One task (a timer, a message), then every microtask.',
  'At each frame boundary (~16.7 ms): requestAnimationFrame callbacks, then rendering.',
  'Tasks run in the order they were queued; a timer joins when it is due. From the 7th level of nested timers (or an interval\'s 7th firing) a delay under 4 ms becomes 4 ms.',
  'No process.nextTick or setImmediate; an uncaught error is reported and the page goes on. An unhandled rejection is reported by a task of its own, queued after the microtasks: a handler attached before it runs means no report.',
  'The first frame\'s timing against timers is a race in a real page (0.5 to 18 ms measured here); the model puts frames at multiples of 16.7 ms.',
];

const C10K_NAMES = { blocking: 'One blocking thread', threads: 'A thread per request', 'event-loop': 'One event loop' } as const;

/** The C10k view's Inspector: the instant shown and where each design stands at it. */
function C10kInspector({ frame, index }: { frame: C10kFrame; index: number }) {
  return (
    <div className="inspector el-inspector" data-testid="eventloop.inspector" data-view="c10k">
      <dl>
        <dt>Shown</dt>
        <dd data-testid="eventloop.inspector.step">
          C10k: instant {Math.max(0, index + 1)} of {frame.instants.length}, t = {formatNs(frame.tNs)}
        </dd>
        <dt>Requests</dt>
        <dd>
          {frame.params.requests.toLocaleString('en-US')}, each waiting {formatNs(frame.params.waitNs)} and using {formatNs(frame.params.cpuNs)} of CPU
        </dd>
        {frame.results.map((r) => (
          <Fragment key={r.strategy}>
            <dt>{C10K_NAMES[r.strategy]}</dt>
            <dd data-testid={`eventloop.inspector.c10k.${r.strategy}`}>
              {frame.tNs >= r.totalNs ? 'done' : 'serving'} · all served at {formatNs(r.totalNs)}
            </dd>
          </Fragment>
        ))}
      </dl>
      <p className="muted">The timeline steps through the moments a drawn request starts or ends; Play races the three designs on one clock.</p>
    </div>
  );
}

export function EventLoopInspector() {
  const view = useApp((s) => eventLoopViewOf(s.frame));
  if (!view) return <div className="inspector" data-testid="eventloop.inspector" />;
  if (view.c10k) return <C10kInspector frame={view.c10k} index={view.index} />;
  const step = view.step;
  return (
    <div className="inspector el-inspector" data-testid="eventloop.inspector">
      <dl>
        <dt>Step</dt>
        <dd data-testid="eventloop.inspector.step">{step ? `${view.index + 1} of ${view.totalSteps}: ${step.label}` : `before the script (${view.totalSteps} steps)`}</dd>
        <dt>Phase</dt>
        <dd>{step?.phase ?? '—'}</dd>
        <dt>Virtual time</dt>
        <dd>
          {formatNs(step?.t ?? 0)} of {formatNs(view.endNs)}
        </dd>
        <dt>Ended</dt>
        <dd data-testid="eventloop.inspector.exit">{view.error ? 'not run' : view.exit ? `${view.exit.reason} (exit code ${view.exit.code})` : '—'}</dd>
        {view.runtime === 'node' && (
          <>
            <dt>fs request</dt>
            <dd>{formatNs(view.fsOpNs)} each (SSD random read, 2020 figures); readFile = open, fstat, read, close</dd>
          </>
        )}
      </dl>
      {view.truncated && <p className="notice">The trace stopped recording at {view.totalSteps} steps; the console is complete.</p>}
      <h3>{view.runtime === 'node' ? 'Node 20' : 'Browser'}: the rules the model follows</h3>
      <ul>
        {(view.runtime === 'node' ? NODE_RULES : BROWSER_RULES).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
