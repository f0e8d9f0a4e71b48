/**
 * The model's output beside the real one, line by line: pure, so it is tested without a DOM.
 * Lines are compared as a terminal shows them (a '\n' inside one console call is two lines),
 * and where the model's own timing leaves the order open — two callbacks printed at virtual
 * times closer than the clock can tell apart — a swap is a race, not a difference.
 */

/** How a row compares: the same text, a race (either order is correct), or a difference. */
export type RowStatus = 'same' | 'race' | 'differ';

/** One row of the comparison. */
export interface CompareRow {
  readonly line: number;
  readonly model: string | null;
  readonly real: string | null;
  readonly status: RowStatus;
  /** Kept for older callers: true when the row is the same text. */
  readonly same: boolean;
}

/** A model line as printed: its text and the virtual time of the print, ns. */
export interface TimedLine {
  readonly text: string;
  readonly t: number;
}

export interface RaceRules {
  /**
   * Virtual-time window, ns, within which two prints from different callbacks may come in
   * either order for real (timer granularity and drift; a frame for rAF). 0: no races.
   */
  readonly windowNs: number;
  /**
   * The model flagged a race at the loop's start (a 0 ms timer vs setImmediate): lines
   * printed at the main script's instant may then swap with later ones too.
   */
  readonly startRace: boolean;
}

/** Node's timers: 1 ms granularity, and an interval drifts by its callbacks' real cost. */
export const NODE_RACE_WINDOW_NS = 4_000_000;
/** One 60 Hz frame: a rAF callback's phase against timers is not fixed. */
export const FRAME_RACE_WINDOW_NS = 16_700_000;

/** The race window for a program on a runtime, from what the model knows about its timers. */
export function raceRules(runtime: 'node' | 'browser', code: string, notes: readonly string[]): RaceRules {
  const raf = runtime === 'browser' && /\brequestAnimationFrame\b/.test(code);
  return { windowNs: raf ? FRAME_RACE_WINDOW_NS : NODE_RACE_WINDOW_NS, startRace: notes.some((n) => n.startsWith('race:')) };
}

/** Console entries as terminal lines: an entry with line breaks is several lines, one time. */
export function terminalLines(entries: readonly TimedLine[]): TimedLine[] {
  return entries.flatMap((e) => e.text.split('\n').map((text) => ({ text, t: e.t })));
}

/** stdout text as lines (no trailing empty line). */
export function outputLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/**
 * Can the model lines of a block come in another order for real? Only if they were printed
 * at two or more distinct instants, all within the window, and none at the main script's
 * instant (synchronous code always prints first) — unless the model flagged a start race
 * (a 0 ms timer vs setImmediate), where any lines within the window may swap.
 */
function swappable(block: readonly TimedLine[], firstT: number, rules: RaceRules): boolean {
  if (rules.windowNs <= 0 || block.length < 2) return false;
  const times = block.map((l) => l.t);
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  if (hi - lo > rules.windowNs) return false;
  // The flagged start race: the model ran the timer and the immediate at one instant.
  if (rules.startRace) return true;
  return hi > lo && lo > firstT;
}

/**
 * Rows for two outputs (a missing line is null). A run of differing rows whose model and
 * real lines are the same lines in another order (a permutation, block by block) is marked
 * 'race' when the model's timing allows that order; everything else that differs is 'differ'.
 */
export function compareOutputs(
  model: readonly (string | TimedLine)[],
  real: readonly string[],
  rules: RaceRules = { windowNs: 0, startRace: false },
): CompareRow[] {
  const m: TimedLine[] = model.map((l) => (typeof l === 'string' ? { text: l, t: 0 } : l));
  const n = Math.max(m.length, real.length);
  const status: RowStatus[] = [];
  for (let i = 0; i < n; i++) status.push(m[i]?.text === real[i] ? 'same' : 'differ');
  const firstT = m.length > 0 ? Math.min(...m.map((l) => l.t)) : 0;
  // Blocks: from a differing row to the first row where both sides hold the same multiset.
  for (let start = 0; start < n; start++) {
    if (status[start] !== 'differ') continue;
    const balance = new Map<string, number>();
    let open = 0;
    const bump = (text: string, by: number) => {
      const next = (balance.get(text) ?? 0) + by;
      if (next === 0) open--;
      else if (next === by) open++;
      if (next === 0) balance.delete(text);
      else balance.set(text, next);
    };
    let end = -1;
    for (let i = start; i < n; i++) {
      const a = m[i];
      const b = real[i];
      if (a === undefined || b === undefined) break;
      bump(a.text, 1);
      bump(b, -1);
      if (open === 0) {
        end = i;
        break;
      }
    }
    if (end < 0) continue;
    if (swappable(m.slice(start, end + 1), firstT, rules)) for (let i = start; i <= end; i++) if (status[i] === 'differ') status[i] = 'race';
    start = end;
  }
  return Array.from({ length: n }, (_, i) => {
    const s = status[i]!;
    return { line: i + 1, model: m[i]?.text ?? null, real: real[i] ?? null, status: s, same: s === 'same' };
  });
}

/** Why a comparison cannot claim an exact prediction (null when both sides ran to the end). */
export interface RunFailures {
  readonly model: string | null;
  readonly real: string | null;
}

/** The one-sentence verdict above the table. Never "predicted … exactly" when a side failed. */
export function verdict(rows: readonly CompareRow[], failed: RunFailures): string {
  const differ = rows.filter((r) => r.status === 'differ').length;
  const races = rows.filter((r) => r.status === 'race').length;
  const raceText = races > 0 ? ` ${races} ${races === 1 ? 'line is' : 'lines are'} in a race: either order is correct.` : '';
  if (failed.model !== null) return `The model could not run this program to the end (${failed.model}): no prediction to check.`;
  if (failed.real !== null) return `The real run failed (${failed.real}): ${rows.length - differ} of ${rows.length} lines agree so far.`;
  if (rows.length === 0) return 'Neither the model nor the real run printed anything.';
  if (differ === 0) return races > 0 ? `The model predicted all ${rows.length} lines.${raceText}` : `The model predicted all ${rows.length} lines exactly.`;
  return `${differ} of ${rows.length} lines differ (marked).${raceText}`;
}
