/**
 * The screen-reader narration: one line per step, from the scene's `narrate` (or the timeline's
 * position), in a polite live region. While playing with animation on it stays quiet (a step
 * every frame would drown the reader) and speaks the step where playback stops.
 */
import { useEffect, useState } from 'react';
import { store } from '../state/store';
import { findScene } from '../controller/sceneController';
import { formatNs } from '../../sim/core/format';

export function narration(): string {
  const s = store.getState();
  const frame = s.frame;
  if (!frame) return '';
  // The playhead's time, not the event's: between events the playhead has moved on.
  const where = `Event ${frame.step} of ${s.times.length - 1}, t = ${formatNs(s.t)}.`;
  const line = findScene(s.sceneId)?.narrate?.(frame);
  return line ? `${where} ${line}` : where;
}

export function Narration() {
  const [text, setText] = useState('');
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.frame === prev.frame && s.playing === prev.playing && s.t === prev.t) return;
        // Quiet while playing with animation on, and while an export walks the timeline.
        if ((s.playing && s.motion) || s.exportJob) return;
        setText(narration());
      }),
    [],
  );
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration">
      {text}
    </div>
  );
}
