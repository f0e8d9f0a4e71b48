/**
 * What the editor holds right now, apart from what the model last ran (the scene's `code`
 * param, set after a short pause in typing). Everything computed from the code compares the
 * two: results of older code are shown "out of date" at once, and Run takes this text.
 */
import { createStore } from 'zustand/vanilla';
import { store } from '../../state/store';
import { setParam } from '../../controller/sceneController';
import type { EventLoopView } from '../../../sim/eventloop/scene';

export const editorText = createStore<{ text: string | null }>()(() => ({ text: null }));

/** The program to run: the editor's text, or the model's when no editor is mounted. */
export function currentProgram(): string | null {
  const view = store.getState().frame?.view as EventLoopView | undefined;
  return editorText.getState().text ?? view?.code ?? null;
}

/** Hands `code` to the model now (no-op when the model already has it or is loading it). */
export function commitProgram(code: string): void {
  const s = store.getState();
  const view = s.frame?.view as EventLoopView | undefined;
  if (s.params.code === code) return;
  // A preset's own text travels as the preset, without a `code` param.
  if (s.params.code === undefined && view?.code === code) return;
  setParam('code', code);
}

/** True while what is shown was computed from other code than the editor's (or is being recomputed). */
export function isStale(view: EventLoopView | undefined, text: string | null, loading: boolean): boolean {
  return loading || (view !== undefined && text !== null && view.code !== text);
}
