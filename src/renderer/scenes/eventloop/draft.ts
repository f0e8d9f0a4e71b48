/**
 * The editor's content, autosaved in localStorage so it survives scene switches and restarts.
 * The URL carries the program too (so a link reopens it); the draft is what the user last typed.
 */
const KEY = 'nanoscope.eventloop.draft.v1';

/**
 * The page's hash when it opened (read when this module loads: the scene's index.ts imports it
 * eagerly, while the stage is a chunk loaded later, after the app has rewritten the URL).
 * Empty outside a page, as in unit tests.
 */
export const INITIAL_HASH = typeof window === 'undefined' ? '' : window.location.hash;

/** The saved draft, or null. */
export function loadDraft(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Saves the draft (quietly does nothing when storage is unavailable). */
export function saveDraft(code: string): void {
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // Private mode or a full quota: the URL still carries the program.
  }
}
