/**
 * `nanoscope explore`: every interleaving of T threads × K counter updates, run in a
 * worker_thread (as `trace` runs its model), printed as the reachable final values with a
 * witness schedule each and, with --count, the number of interleavings.
 *
 * Step model: sequential consistency, one micro-op per step. nonatomic: load, add, store;
 * atomic: fetch_add; cas: load, add, cas (a failed cas jumps back to the load); mutex: lock
 * (schedulable only while the mutex is free), load, add, store, unlock. An interleaving is a
 * sequence of thread ids, one per step, from the start until every thread has finished, each
 * naming a thread that can step then; a failed cas is a step, so such sequences are longer.
 */
import { fileURLToPath } from 'node:url';
import { spawnWorker } from '../../main/services/workers';
import { DEFAULT_MAX_STATES } from '../../sim/threads/explore';
import { parseInteger, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { BudgetError, FailedError, InputError, UsageError } from '../errors';
import type { ExploreJob, ExploreReply } from '../exploreWorker';

const STRATEGIES = ['nonatomic', 'atomic', 'cas', 'mutex'] as const;
const WORKLOADS = ['inc', 'incdec'] as const;
/** Largest accepted --threads and --iterations (the state budget is the real limit). */
export const MAX_THREADS = 8;
export const MAX_ITERATIONS = 1000;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback?: T): T {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`nanoscope explore: ${flag} is required (${allowed.join('|')})`);
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  if (positionals.length) throw new UsageError(`nanoscope explore: unexpected argument "${positionals[0]}"`);
  const args: ParsedArgs = { positionals, flags };
  const threadsText = stringFlag(args, 'threads');
  const iterationsText = stringFlag(args, 'iterations');
  if (threadsText === undefined) throw new UsageError('nanoscope explore: --threads is required');
  if (iterationsText === undefined) throw new UsageError('nanoscope explore: --iterations is required');
  const threads = parseInteger(threadsText, '--threads', 1, MAX_THREADS);
  const iterations = parseInteger(iterationsText, '--iterations', 1, MAX_ITERATIONS);
  const strategy = oneOf(stringFlag(args, 'strategy'), STRATEGIES, '--strategy');
  const workload = oneOf(stringFlag(args, 'workload'), WORKLOADS, '--workload', 'inc');
  const maxText = stringFlag(args, 'max-states');
  const maxStates = maxText === undefined ? DEFAULT_MAX_STATES : parseInteger(maxText, '--max-states', 1, 100_000_000);
  const count = flags.get('count') === true;
  const job: ExploreJob = { nanoscopeExplore: true, threads, iterations, strategy, workload, maxStates, count };
  if (!ctx.json) ctx.err(`exploring ${threads} threads × ${iterations} ${workload} (${strategy}), at most ${maxStates} states…`);
  const worker = spawnWorker(fileURLToPath(new URL('../exploreWorker.ts', import.meta.url)), { kind: 'source' }, { workerData: job });
  const reply = await new Promise<ExploreReply>((resolve, reject) => {
    worker.once('message', (m: ExploreReply) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new FailedError(`explorer worker exited (code ${code}) without a result`)));
  }).finally(() => void worker.terminate());
  if (!reply.ok) {
    if (reply.kind === 'budget') throw new BudgetError(`${reply.message} (--max-states)`);
    throw new FailedError(reply.message);
  }
  const out: Record<string, unknown> = { final_values: reply.finalValues, states: reply.states, witnesses: reply.witnesses };
  if (reply.interleavingsTotal !== undefined) {
    out['interleavings_total'] = reply.interleavingsTotal;
    out['interleavings_by_final'] = reply.interleavingsByFinal;
  }
  if (ctx.json) {
    ctx.out(JSON.stringify(out));
    return;
  }
  const lines = [`final values: ${reply.finalValues.join(', ')}  (${reply.states} states)`];
  for (const v of reply.finalValues) {
    const n = reply.interleavingsByFinal?.[String(v)];
    lines.push(`  ${String(v).padStart(6)}${n === undefined ? '' : `  ${n.padStart(24)} interleavings`}  witness ${reply.witnesses[String(v)]!.join(',')}`);
  }
  if (reply.interleavingsTotal !== undefined) lines.push(`total interleavings: ${reply.interleavingsTotal}`);
  ctx.out(lines.join('\n'));
}
