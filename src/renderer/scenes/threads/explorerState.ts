/**
 * The explorer's state and its worker: run `explore` for the scene's current settings with a
 * state budget, cancel by terminating the worker. A small store of its own, so the result
 * survives switching panels and the Stage can read it too.
 */
import { createStore } from 'zustand/vanilla';
import type { ExploreOptions, ExploreResult, ExploreStrategy, ExploreWorkload } from '../../../sim/threads/explore';
import { param, type ThreadsParams } from './lesson';

/** States the explorer may visit before it stops and says so (≈ 2 s on a laptop). */
export const EXPLORE_BUDGET = 2_000_000;

export type ExplorerReply =
  | { readonly type: 'done'; readonly result: ExploreResult }
  | { readonly type: 'budget'; readonly maxStates: number; readonly message: string }
  | { readonly type: 'error'; readonly message: string };

export interface ExplorerState {
  readonly status: 'idle' | 'running' | 'done' | 'budget' | 'error' | 'cancelled';
  /** The settings explored, as a label and a key to compare with the current ones. */
  readonly key: string;
  readonly label: string;
  readonly result: ExploreResult | null;
  readonly message: string | null;
  readonly ms: number;
}

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): the explorer's run (a worker of its own, its result) is this scene's; the timeline's app store must not grow with it.
export const explorerStore = createStore<ExplorerState>()(() => ({ status: 'idle', key: '', label: '', result: null, message: null, ms: 0 }));

let worker: Worker | null = null;

/** The explorer's options for these scene settings, or a reason it cannot explore them. */
export function exploreOptionsFor(params: ThreadsParams, count: boolean): { options: ExploreOptions; key: string; label: string } | { reason: string } {
  const strategy = param(params, 'strategy');
  const workload = param(params, 'workload');
  if (strategy === 'spinlock') return { reason: 'A spinlock can spin forever, so its interleavings have no end: pick another strategy to explore.' };
  if (workload !== 'inc' && workload !== 'incdec') return { reason: 'The explorer counts final values of a counter: pick the inc or incdec workload.' };
  const threads = Number(param(params, 'threads'));
  const iterations = Number(param(params, 'iterations'));
  const options: ExploreOptions = { threads, iterations, strategy: strategy as ExploreStrategy, workload: workload as ExploreWorkload, maxStates: EXPLORE_BUDGET, count };
  const label = `${threads} thread${threads === 1 ? '' : 's'} × ${iterations}, ${strategy}, ${workload}`;
  return { options, key: JSON.stringify({ threads, iterations, strategy, workload }), label };
}

export function cancelExplore(): void {
  if (!worker) return;
  worker.terminate();
  worker = null;
  explorerStore.setState({ status: 'cancelled', message: 'Exploration cancelled.' });
}

/** Starts exploring (cancelling any exploration under way). */
export function startExplore(params: ThreadsParams, count: boolean): void {
  if (worker) cancelExplore();
  const plan = exploreOptionsFor(params, count);
  if ('reason' in plan) {
    explorerStore.setState({ status: 'error', message: plan.reason, result: null, key: '', label: '' });
    return;
  }
  const started = performance.now();
  const own = new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module', name: 'nanoscope-explore' });
  worker = own;
  explorerStore.setState({ status: 'running', key: plan.key, label: plan.label, result: null, message: null, ms: 0 });
  const finish = (state: Partial<ExplorerState>) => {
    if (worker !== own) return;
    own.terminate();
    worker = null;
    explorerStore.setState({ ...state, ms: Math.round(performance.now() - started) });
  };
  own.onmessage = (event: MessageEvent<ExplorerReply>) => {
    const reply = event.data;
    if (reply.type === 'done') finish({ status: 'done', result: reply.result });
    else if (reply.type === 'budget')
      finish({
        status: 'budget',
        message: `Stopped after ${reply.maxStates.toLocaleString('en-US')} states: too many interleavings to list them all here. Try fewer threads or iterations.`,
      });
    else finish({ status: 'error', message: reply.message });
  };
  own.onerror = (event) => finish({ status: 'error', message: `The explorer failed: ${event.message}` });
  own.postMessage(plan.options);
}
