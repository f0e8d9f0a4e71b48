/**
 * The interleaving strip: one row per thread, one column per step, a mark where that thread
 * ran. Which micro-op each step ran follows from the schedule alone when a thread's program
 * counter only moves forward (non-atomic, atomic, mutex: a lock is only taken when free);
 * a failed cas or spin attempt does not move it, so for those the strip shows a dot.
 */

export interface StripCell {
  /** 1-based step (the playhead position after it). */
  readonly step: number;
  readonly thread: number;
  /** Short mark: L load, + add, S store, F fetch_add, C cas, K lock, U unlock, • unknown. */
  readonly mark: string;
  /** The micro-op's text, or null when it cannot be known from the schedule. */
  readonly op: string | null;
}

const MARKS: Record<string, string> = { load: 'L', add: '+', store: 'S', fetch_add: 'F', cas: 'C', lock: 'K', unlock: 'U', spin_lock: 'K', spin_unlock: 'U' };

export function markOf(op: string): string {
  return MARKS[op.split(' ')[0] ?? ''] ?? '•';
}

/** True when every step of every thread moves its program counter one op forward. */
export function forwardOnly(strategy: string): boolean {
  return strategy === 'nonatomic' || strategy === 'atomic' || strategy === 'mutex';
}

export function stripCells(schedule: readonly number[], bodies: readonly (readonly string[])[], forward: boolean): StripCell[] {
  const ran = new Array<number>(bodies.length).fill(0);
  return schedule.map((thread, i) => {
    const body = bodies[thread] ?? [];
    const k = ran[thread] ?? 0;
    ran[thread] = k + 1;
    const op = forward && body.length > 0 ? (body[k % body.length] ?? null) : null;
    return { step: i + 1, thread, mark: op === null ? '•' : markOf(op), op };
  });
}
