/**
 * Runs the exhaustive threads explorer off the CLI's main thread (a worker_thread, source mode
 * through tsx), like simWorker does for `trace`: workerData ExploreJob → posts an ExploreReply.
 * Counts travel as decimal strings (they exceed 2^53).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BudgetExceeded, explore, type ExploreStrategy, type ExploreWorkload } from '../sim/threads/explore';

export interface ExploreJob {
  readonly nanoscopeExplore: true;
  readonly threads: number;
  readonly iterations: number;
  readonly strategy: ExploreStrategy;
  readonly workload: ExploreWorkload;
  readonly maxStates: number;
  readonly count: boolean;
}

export type ExploreReply =
  | {
      readonly ok: true;
      readonly finalValues: number[];
      readonly states: number;
      readonly witnesses: Record<string, number[]>;
      readonly interleavingsTotal?: string;
      readonly interleavingsByFinal?: Record<string, string>;
    }
  | { readonly ok: false; readonly kind: 'budget' | 'failed'; readonly message: string };

export function runExplore(job: ExploreJob): ExploreReply {
  try {
    const r = explore(job);
    const reply: ExploreReply = { ok: true, finalValues: r.finalValues, states: r.states, witnesses: r.witnesses };
    if (r.interleavingsTotal === undefined || r.interleavingsByFinal === undefined) return reply;
    const byFinal: Record<string, string> = {};
    for (const [value, n] of Object.entries(r.interleavingsByFinal)) byFinal[value] = n.toString();
    return { ...reply, interleavingsTotal: r.interleavingsTotal.toString(), interleavingsByFinal: byFinal };
  } catch (e) {
    if (e instanceof BudgetExceeded) return { ok: false, kind: 'budget', message: e.message };
    throw e;
  }
}

const job = workerData as Partial<ExploreJob> | null;
if (parentPort && job?.nanoscopeExplore) {
  try {
    parentPort.postMessage(runExplore(job as ExploreJob));
  } catch (e) {
    parentPort.postMessage({ ok: false, kind: 'failed', message: (e as Error).stack ?? String(e) } satisfies ExploreReply);
  }
}
