/**
 * "Explore every interleaving": the exact set of final values the current settings can reach
 * (with, optionally, how many interleavings reach each), lowest and highest marked, and a
 * Replay per value that loads its witness schedule for the student to step through.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { useApp } from '../../state/store';
import { cancelExplore, EXPLORE_BUDGET, explorerStore, exploreOptionsFor, startExplore } from './explorerState';
import { outcomeLayout } from './charts';
import { replaySchedule } from './userScheduler';

const WIDTH = 320;
const HEIGHT = 150;
const FONT = 12;

function OutcomeChart({ values, counts }: { values: readonly number[]; counts: Readonly<Record<string, bigint>> | null }) {
  const layout = outcomeLayout(values, counts, WIDTH, HEIGHT, FONT);
  const lo = values[0];
  const hi = values[values.length - 1];
  const labelEvery = Math.max(1, Math.ceil(values.length / 16));
  return (
    <svg className="outcome-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Reachable final values: ${values.join(', ')}`} data-testid="threads.explore.chart">
      {layout.bars.map((bar, i) => {
        const extreme = bar.value === lo ? 'lowest' : bar.value === hi ? 'highest' : '';
        return (
          <g key={bar.value} className={`outcome ${extreme}`} data-testid={`threads.explore.bar.${bar.value}`}>
            <title>{`${bar.value}${bar.count !== null ? `: ${bar.count.toLocaleString('en-US')} interleavings` : ''}`}</title>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={2} />
            {(i % labelEvery === 0 || extreme) && (
              <text x={bar.x + bar.width / 2} y={layout.baseline + FONT * 1.1} textAnchor="middle">
                {bar.value}
              </text>
            )}
          </g>
        );
      })}
      <line className="baseline" x1={0} x2={WIDTH} y1={layout.baseline} y2={layout.baseline} />
    </svg>
  );
}

export function ExplorerPanel() {
  const params = useApp((s) => s.params);
  const state = useStore(explorerStore);
  const [count, setCount] = useState(true);
  const plan = exploreOptionsFor(params, count);
  const stale = 'key' in plan && state.key !== '' && state.key !== plan.key;
  const result = state.result;
  const values = result?.finalValues ?? [];
  const counts = result?.interleavingsByFinal ?? null;

  return (
    <section className="explorer" data-testid="threads.explore" aria-label="Explorer">
      <h3>Every interleaving</h3>
      <p className="muted">
        Tries every order of the threads' micro-ops (up to {EXPLORE_BUDGET.toLocaleString('en-US')} distinct states) and lists every final value that some order reaches.
      </p>
      {'reason' in plan ? (
        <p className="muted" data-testid="threads.explore.unavailable">
          {plan.reason}
        </p>
      ) : (
        <div className="row">
          {state.status === 'running' ? (
            <button type="button" onClick={cancelExplore} data-testid="threads.explore.cancel">
              Cancel
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => startExplore(params, count)} data-testid="threads.explore.run">
              Explore every interleaving
            </button>
          )}
          <label className="field inline">
            <input type="checkbox" checked={count} onChange={(e) => setCount(e.target.checked)} data-testid="threads.explore.count" />
            <span>count them</span>
          </label>
        </div>
      )}
      {state.status === 'running' && (
        <p className="progress" data-testid="threads.explore.running">
          Exploring {state.label}…
        </p>
      )}
      {state.message && state.status !== 'done' && (
        <p className={state.status === 'cancelled' ? 'muted' : 'field-error'} role="alert" data-testid="threads.explore.message">
          {state.message}
        </p>
      )}
      {result && state.status === 'done' && (
        <div className={stale ? 'stale' : undefined} data-testid="threads.explore.result">
          <p data-testid="threads.explore.summary">
            {state.label}: <strong data-testid="threads.explore.values">{values.length === 1 ? values[0] : `${values[0]} … ${values[values.length - 1]}`}</strong>{' '}
            ({values.length} value{values.length === 1 ? '' : 's'}; {result.states.toLocaleString('en-US')} states
            {result.interleavingsTotal !== undefined ? `; ${result.interleavingsTotal.toLocaleString('en-US')} interleavings` : ''}; {state.ms} ms)
            {stale ? ' — for other settings than the current ones.' : ''}
          </p>
          {values.length > 1 && values[0] !== undefined && (
            <p className="surprise" data-testid="threads.explore.lowest">
              Lowest: <strong>{values[0]}</strong>. Highest: <strong>{values[values.length - 1]}</strong>.
            </p>
          )}
          <OutcomeChart values={values} counts={counts} />
          <ul className="witnesses">
            {values.map((v) => (
              <li key={v} data-testid={`threads.explore.value.${v}`}>
                <span className="value">{v}</span>
                {counts && <span className="muted">{(counts[String(v)] ?? 0n).toLocaleString('en-US')} orders</span>}
                <button type="button" className="link" disabled={stale} onClick={() => replaySchedule(result.witnesses[String(v)] ?? [])} data-testid={`threads.explore.replay.${v}`}>
                  Replay
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
