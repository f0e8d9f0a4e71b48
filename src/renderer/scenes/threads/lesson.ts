/**
 * The scene's small rules, pure: the goal set for the student, how the simulated scene maps
 * onto the real race, and the user scheduler's next schedule. No DOM, no store.
 */
import type { RaceParams, RaceStrategy } from '../../../shared/api';

/** The scene's URL params (strings), as parsed by the model. */
export type ThreadsParams = Readonly<Record<string, string>>;

export const DEFAULTS = { strategy: 'nonatomic', workload: 'incdec', threads: '2', iterations: '4', scheduler: 'random' } as const;

export function param(params: ThreadsParams, key: keyof typeof DEFAULTS): string {
  return params[key] ?? DEFAULTS[key];
}

export interface Goal {
  /** The final counter value to produce, or null for "make an item vanish or repeat". */
  readonly value: number | null;
  readonly text: string;
}

/**
 * The surprising extreme the student is asked to produce by scheduling by hand, or null when
 * nothing can go wrong (one thread, or a strategy without a race).
 * inc, T ≥ 2 non-atomic threads × K: the lowest reachable value is 2 for K ≥ 2 (1 for K = 1).
 * With two threads: thread 0 loads 0 and waits; thread 1 runs K − 1 whole increments; thread 0
 * stores 1, wiping them out; thread 1 loads 1 for its last increment and waits; thread 0 runs
 * its other K − 1 increments (counter K); thread 1 stores 1 + 1 = 2 over all of them.
 * incdec: every increment can be wiped out by a decrementer's stale store while no decrement
 * is lost: −(decrementers × K).
 */
export function goalFor(params: ThreadsParams): Goal | null {
  const strategy = param(params, 'strategy');
  const workload = param(params, 'workload');
  const threads = Number(param(params, 'threads'));
  const k = Number(param(params, 'iterations'));
  if (threads < 2 || strategy !== 'nonatomic') return null;
  if (workload === 'appendpop') return { value: null, text: 'Make an item vanish from both lists (or appear twice).' };
  if (workload === 'incdec') {
    const decrementers = Math.floor(threads / 2);
    const value = -decrementers * k;
    return { value, text: `Make the counter end at ${value}: every increment lost, every decrement kept.` };
  }
  const value = k >= 2 ? 2 : 1;
  return { value, text: `Make the counter end at ${value}, not ${threads * k}: ${threads * k - value} of ${threads * k} increments lost.` };
}

/** The schedule after running `thread` one more micro-op from the current step. */
export function advancedSchedule(scheduleSoFar: readonly number[], thread: number): string {
  return [...scheduleSoFar, thread].join(',');
}

export interface RealMapping {
  readonly params: RaceParams;
  /** Why the real run differs from the simulated one, if it does. */
  readonly note: string | null;
}

/** The real race closest to the simulated scene: same threads, strategy mapped, more iterations. */
export function realRaceFor(params: ThreadsParams, iterations: number, repeat: number): RealMapping {
  const strategy = param(params, 'strategy');
  const workload = param(params, 'workload');
  const workers = Number(param(params, 'threads'));
  let real: RaceStrategy = 'plain';
  let note: string | null = null;
  if (strategy === 'atomic' || strategy === 'cas' || strategy === 'mutex') real = strategy;
  else if (strategy === 'spinlock') {
    real = 'mutex';
    note = 'The spinlock runs for real as the mutex, which also spins before it sleeps.';
  }
  if (workload === 'incdec') {
    if (real === 'plain') real = 'incdec';
    else note = `The real ${real} run has every thread increment; with ${real} nothing is lost either way.`;
  } else if (workload === 'appendpop') {
    note = 'The real run races on a counter: the tutorial’s lists need a Python interpreter.';
  }
  return { params: { workers, iterations, strategy: real, repeat }, note };
}
