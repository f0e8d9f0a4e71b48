/**
 * Keyboard first: after any navigation the stage takes the focus, so Space and the arrows
 * drive the timeline at once (a clicked sidebar link would otherwise keep it, and a link
 * ignores Space). Text fields keep their focus: typing is never interrupted.
 */
import { isTypingTarget } from '../commands/registry';

/** The stage element's id (the skip link's target). */
export const STAGE_ID = 'stage';

/** Moves the focus to the stage, unless the user is typing in a field. */
export function focusStage(force = false): void {
  const stage = document.getElementById(STAGE_ID);
  if (!stage) return;
  if (!force && isTypingTarget(document.activeElement)) return;
  stage.focus({ preventScroll: true });
}
