import { useEffect, useRef } from 'react';
import { useApp } from '../../state/store';
import { setParam } from '../../controller/sceneController';
import { PRESETS } from '../../../sim/hardware/presets';

import { THIS_MACHINE, resolveLadderMachine } from './machine';
import { store } from '../../state/store';
import { LADDER_PARAMS } from '../../../sim/ladder/scene';
import { ladderViewOf } from './stepReadout';
import { formatNs } from '../../../sim/core/format';

const ROUTES: { id: string; label: string }[] = [
  { id: 'all', label: 'Every rung, fastest first' },
  { id: 'memory', label: 'A load that misses every cache' },
  { id: 'storage', label: 'A read that goes to storage' },
  { id: 'network', label: 'A request across the planet' },
];

export function LadderInspector() {
  const params = useApp((s) => s.params);
  const counts = useApp((s) => s.frame?.counts);
  const view = useApp((s) => ladderViewOf(s.frame));
  const total = useApp((s) => s.span.tEnd);
  const measured = useApp((s) => s.results['memory-latency'] !== undefined);
  const { machine } = resolveLadderMachine(params, store.getState());
  const jitter = Number(params.jitter ?? '0');
  const elapsedRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // The playhead moves every frame: follow it without re-rendering the panel.
    const paint = (t: number) => {
      if (elapsedRef.current) elapsedRef.current.textContent = formatNs(t);
    };
    paint(store.getState().t);
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t) paint(s.t);
    });
  }, []);

  return (
    <div className="inspector" data-testid="ladder.inspector">
      <label className="field">
        <span>Latency table</span>
        <select value={params.preset ?? '2012'} onChange={(e) => setParam('preset', e.target.value)} data-testid="ladder.preset">
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value={THIS_MACHINE}>This machine{measured ? ' (measured)' : ' (not measured yet)'}</option>
        </select>
      </label>
      <p className="source" data-testid="ladder.source">
        Source: {machine.source}
      </p>
      <label className="field">
        <span>Route of the request</span>
        <select value={params.route ?? 'all'} onChange={(e) => setParam('route', e.target.value)} data-testid="ladder.route">
          {ROUTES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Jitter: ±{Math.round(jitter * 100)} % per visit (random, from the Seed field)</span>
        <input
          type="range"
          min={LADDER_PARAMS.jitter.min}
          max={LADDER_PARAMS.jitter.max}
          step={LADDER_PARAMS.jitter.step}
          value={jitter}
          onChange={(e) => setParam('jitter', e.target.value)}
          data-testid="ladder.jitter"
        />
      </label>
      <dl className="stats" data-testid="ladder.stats">
        <dt>Rungs visited</dt>
        <dd data-testid="ladder.stats.visited">
          {counts?.['rung.leave'] ?? 0} of {view?.route.length ?? 0}
        </dd>
        <dt>Machine time so far</dt>
        <dd data-testid="ladder.stats.elapsed" ref={elapsedRef} />
        <dt>Whole trip</dt>
        <dd data-testid="ladder.stats.total">{formatNs(total)}</dd>
      </dl>
    </div>
  );
}
