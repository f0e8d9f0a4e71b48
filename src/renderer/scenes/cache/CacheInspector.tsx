/** The scene's parameters: machine, the two patterns and their sizes (validated), and trace loading. */
import { useEffect, useState } from 'react';
import { useApp } from '../../state/store';
import { setParam } from '../../controller/sceneController';
import { PRESETS } from '../../../sim/hardware/presets';
import { cacheScene, PATTERN_OPTIONS, type CacheSceneParams } from '../../../sim/cache/scene';
import { TracePanel } from './TracePanel';
import { DEFAULT_PRESET, resolveCacheMachine } from './machine';
import { cacheViewOf } from './stepReadout';

type NumberKey = 'rows' | 'cols' | 'stride' | 'working' | 'count';

const NUMBER_FIELDS: { key: NumberKey; label: string }[] = [
  { key: 'rows', label: 'Rows (matrix; n for multiply)' },
  { key: 'cols', label: 'Columns (8-byte elements)' },
  { key: 'stride', label: 'Stride, bytes' },
  { key: 'working', label: 'Working set, bytes (random)' },
  { key: 'count', label: 'Most accesses per side' },
];

/** A number input that commits on Enter or blur, and names the field when the value is refused. */
function NumberField({ name, label, value }: { name: NumberKey; label: string; value: string }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(value);
    setError(null);
  }, [value]);
  const commit = () => {
    if (text === value) return;
    const { ignored } = cacheScene.parseParams({ [name]: text });
    if (ignored.length > 0) {
      setError(`${label}: ${ignored.map((i) => i.reason).join('; ')} (got “${text}”).`);
      return;
    }
    setError(null);
    setParam(name, text.trim());
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        data-testid={`cache.param.${name}`}
      />
      {error && (
        <span className="field-error" role="alert" data-testid={`cache.param.${name}.error`}>
          {error}
        </span>
      )}
    </label>
  );
}

export function CacheInspector() {
  const params = useApp((s) => s.params);
  const view = useApp((s) => cacheViewOf(s.frame)) ?? null;
  const { machine } = resolveCacheMachine(params);
  const used = new Set<keyof CacheSceneParams>(PATTERN_OPTIONS.filter((o) => o.id === params.left || o.id === params.right).flatMap((o) => [...o.params]));

  return (
    <div className="inspector" data-testid="cache.inspector">
      <label className="field">
        <span>Machine</span>
        <select value={params.preset ?? DEFAULT_PRESET} onChange={(e) => setParam('preset', e.target.value)} data-testid="cache.preset">
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value="this-machine">This machine (caches from the OS or the pointer chase)</option>
        </select>
      </label>
      <p className="source">Source: {machine.source}</p>
      {(['left', 'right'] as const).map((side) => (
        <label className="field" key={side}>
          <span>{side === 'left' ? 'Left pattern' : 'Right pattern'}</span>
          <select value={params[side] ?? ''} onChange={(e) => setParam(side, e.target.value)} data-testid={`cache.${side}`}>
            {PATTERN_OPTIONS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {NUMBER_FIELDS.filter((f) => used.has(f.key)).map((f) => (
        <NumberField key={f.key} name={f.key} label={f.label} value={params[f.key] ?? ''} />
      ))}
      {view && (
        <dl className="stats" data-testid="cache.stats">
          {view.sides.map((side, i) => {
            const l1 = side.levels[0];
            return (
              <div key={i} className="stats-pair">
                <dt>{side.label}</dt>
                <dd data-testid={`cache.stats.side-${i}.l1-hit-rate`}>
                  L1 hit rate {l1 && l1.counters.accesses > 0 ? `${((l1.counters.hits / l1.counters.accesses) * 100).toFixed(1)} %` : '—'}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      <TracePanel />
    </div>
  );
}
