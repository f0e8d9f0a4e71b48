/**
 * Trust, as VS Code's Workspace Trust does it: code the user did not type in this app (a share
 * link, a scenario file, a lesson, a drop, the recent list, a draft from an earlier session) is
 * untrusted. It is shown and simulated by the model (an interpreter of our own that touches
 * nothing), but a real run first asks, in a dialog that shows the code and says what a real run
 * may do. Typing in the editor makes code the user's own; the app's own examples are trusted.
 * The host checks the `confirmed` flag this sets (403 without it).
 */
import { createStore } from 'zustand/vanilla';
import { SCENE_PRESETS } from '../../sim/eventloop/presets';

export interface TrustRequest {
  readonly code: string;
  readonly runtime: 'node' | 'browser';
  /** Runs the code for real once the user said yes. */
  readonly run: () => void;
}

/** The pending question, if any (the dialog renders it). */
export const trustStore = createStore<{ pending: TrustRequest | null }>()(() => ({ pending: null }));

const trusted = new Set<string>();

/** The user typed this (or confirmed it): it is theirs from now on, for this session. */
export function trustCode(code: string): void {
  trusted.add(code);
}

/** Whether a real run of `code` may start without asking. */
export function isTrusted(code: string): boolean {
  return trusted.has(code) || SCENE_PRESETS.some((p) => p.source === code);
}

/** Runs `request.run` now when the code is trusted, else asks first. */
export function runIfTrusted(request: TrustRequest): void {
  if (isTrusted(request.code)) request.run();
  else trustStore.setState({ pending: request });
}

/** The dialog's yes: the code becomes the user's and runs. */
export function confirmTrust(): void {
  const pending = trustStore.getState().pending;
  if (pending === null) return;
  trustCode(pending.code);
  trustStore.setState({ pending: null });
  pending.run();
}

/** The dialog's no. */
export function cancelTrust(): void {
  trustStore.setState({ pending: null });
}
