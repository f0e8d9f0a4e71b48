/**
 * Annotations in presentation mode: a pointer highlight that follows the mouse and a pen that
 * draws over the stage. Strokes live here (not in the store): they change per pointer move.
 */
import { store } from '../state/store';

export type Stroke = { x: number; y: number }[];

let strokes: Stroke[] = [];
const listeners = new Set<() => void>();

export function getStrokes(): readonly Stroke[] {
  return strokes;
}

export function onStrokes(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of listeners) listener();
}

export function beginStroke(x: number, y: number): void {
  strokes = [...strokes, [{ x, y }]];
  changed();
}

export function extendStroke(x: number, y: number): void {
  const last = strokes[strokes.length - 1];
  if (!last) return;
  last.push({ x, y });
  changed();
}

export function clearAnnotations(): void {
  strokes = [];
  changed();
}

/** The pen draws only in presentation mode; turning it on there enters presentation mode. */
export function togglePen(): void {
  const { pen, presenting } = store.getState();
  if (!pen && !presenting) store.setState({ presenting: true, helpOpen: false });
  store.setState({ pen: !pen });
}

/** Leaving presentation mode puts the pen away and wipes the drawing. */
store.subscribe((state, prev) => {
  if (prev.presenting && !state.presenting) {
    if (state.pen) store.setState({ pen: false });
    clearAnnotations();
  }
});
