/**
 * The exhaustive explorer in its own Web Worker, apart from the simulation worker: it may run
 * for seconds, and Cancel terminates it outright. One request per worker.
 */
import { BudgetExceeded, explore, type ExploreOptions } from '../../../sim/threads/explore';
import type { ExplorerReply } from './explorerState';

self.onmessage = (event: MessageEvent<ExploreOptions>) => {
  const post = (reply: ExplorerReply) => (self as unknown as Worker).postMessage(reply);
  try {
    const result = explore(event.data);
    post({ type: 'done', result });
  } catch (error) {
    if (error instanceof BudgetExceeded) post({ type: 'budget', maxStates: error.maxStates, message: error.message });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
