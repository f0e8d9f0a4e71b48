/**
 * Play/pause, step, step back, restart, scrub, speed and seed. The scrubber and the time
 * readout follow the playhead through a transient subscription (no React render per frame).
 */
import { useEffect, useRef, useState } from 'react';
import { store, useApp } from '../state/store';
import { fromFraction, speedLabel, toFraction } from '../engine/playhead';

import { registry } from '../controller/commands';
import { pause, seek } from '../controller/playback';
import { setScale, setSeed } from '../controller/sceneController';
import { Icon } from './Icon';
import { formatNs } from '../../sim/core/format';

const SCRUB_MAX = 1000;

function readout(t: number, step: number, steps: number): string {
  return `t = ${formatNs(t)} · event ${step} of ${steps}`;
}

export function TimelineBar() {
  const playing = useApp((s) => s.playing);
  const loading = useApp((s) => s.loading);
  const scale = useApp((s) => s.scale);
  const speed = useApp((s) => s.speed[s.scale]);
  const pace = useApp((s) => s.pace[s.scale]);
  const seed = useApp((s) => s.seed);
  const truncated = useApp((s) => s.truncated);
  const scrubRef = useRef<HTMLInputElement>(null);
  const readoutRef = useRef<HTMLSpanElement>(null);
  const [seedText, setSeedText] = useState(String(seed));
  const [seedError, setSeedError] = useState<string | null>(null);

  useEffect(() => setSeedText(String(seed)), [seed]);

  useEffect(() => {
    const paint = () => {
      const s = store.getState();
      if (scrubRef.current && document.activeElement !== scrubRef.current) {
        scrubRef.current.value = String(Math.round(toFraction(s.t, s.scale, s.span) * SCRUB_MAX));
      }
      if (readoutRef.current) readoutRef.current.textContent = readout(s.t, s.step, s.times.length - 1);
    };
    paint();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t || s.step !== prev.step || s.scale !== prev.scale || s.span !== prev.span) paint();
    });
  }, []);

  const run = (id: string) => () => registry.run(id);
  const applySeed = () => {
    if (seedText === String(seed)) return;
    const error = setSeed(seedText.trim());
    setSeedError(error);
  };

  return (
    <div className="timeline" role="toolbar" aria-label="Timeline" data-testid="timeline">
      <div className="timeline-buttons">
        <button type="button" onClick={run('timeline.restart')} data-testid="controls.restart" aria-label="Restart" title="Restart (Home)">
          <Icon name="restart" />
        </button>
        <button type="button" onClick={run('timeline.stepBack')} data-testid="controls.step-back" aria-label="Step back" title="Step back (←)">
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="primary"
          onClick={run('timeline.playPause')}
          disabled={loading}
          data-testid="controls.play"
          aria-label={playing ? 'Pause' : 'Play'}
          aria-pressed={playing}
          title="Play / pause (Space)"
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" onClick={run('timeline.stepForward')} data-testid="controls.step-forward" aria-label="Step forward" title="Step forward (→)">
          <Icon name="forward" />
        </button>
        <button type="button" onClick={run('timeline.end')} data-testid="controls.end" aria-label="Go to the end" title="Go to the end (End)">
          <Icon name="end" />
        </button>
      </div>
      <input
        ref={scrubRef}
        className="scrub"
        type="range"
        min={0}
        max={SCRUB_MAX}
        defaultValue={0}
        aria-label="Timeline position"
        data-testid="controls.scrub"
        onInput={(e) => {
          pause();
          const s = store.getState();
          seek(fromFraction(Number(e.currentTarget.value) / SCRUB_MAX, s.scale, s.span));
        }}
      />
      <span className="readout" ref={readoutRef} data-testid="timeline.readout" aria-live="off" />
      <div className="speed">
        <button type="button" onClick={run('timeline.slower')} data-testid="controls.speed-down" aria-label="Slower" title="Slower (−)">
          −
        </button>
        <span className="speed-label" data-testid="controls.speed-label">
          {speedLabel(scale, speed, pace)}
        </span>
        <button type="button" onClick={run('timeline.faster')} data-testid="controls.speed-up" aria-label="Faster" title="Faster (+)">
          +
        </button>
      </div>
      <label className="scale">
        Time axis
        <select value={scale} onChange={(e) => setScale(e.target.value === 'linear' ? 'linear' : 'log')} data-testid="controls.scale">
          <option value="log">logarithmic</option>
          <option value="linear">linear</option>
        </select>
      </label>
      <label className="seed">
        Seed
        <input
          type="text"
          inputMode="numeric"
          value={seedText}
          size={8}
          aria-invalid={seedError !== null}
          aria-describedby={seedError ? 'seed-error' : undefined}
          data-testid="controls.seed"
          onChange={(e) => setSeedText(e.target.value)}
          onBlur={applySeed}
          onKeyDown={(e) => {
            if (e.key === 'Enter') applySeed();
          }}
        />
      </label>
      {seedError && (
        <span id="seed-error" className="field-error" role="alert" data-testid="controls.seed-error">
          {seedError}
        </span>
      )}
      {truncated && <span className="field-error">The run stopped at its event budget.</span>}
    </div>
  );
}
