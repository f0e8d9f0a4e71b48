/**
 * `nanoscope trace ladder`: runs the ladder scene model in a worker_thread (the CLI never
 * simulates on its main thread) and prints its trace records as JSON.
 */
import { fileURLToPath } from 'node:url';
import { spawnWorker } from '../../main/services/workers';
import { parseInteger, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { BudgetError, FailedError, InputError, UsageError } from '../errors';
import type { SimJob, SimReply } from '../simWorker';

export const DEFAULT_MAX_EVENTS = 1_000_000;

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const [scene, ...extra] = positionals;
  if (scene !== 'ladder') throw new UsageError(`nanoscope trace: unknown scene "${scene ?? ''}" (known: ladder)`);
  if (extra.length) throw new UsageError(`nanoscope trace: unexpected argument "${extra[0]}"`);
  const args: ParsedArgs = { positionals, flags };
  const params: Record<string, string> = {};
  for (const name of ['preset', 'route', 'jitter']) {
    const v = stringFlag(args, name);
    if (v !== undefined) params[name] = v;
  }
  const maxText = stringFlag(args, 'max-events');
  const maxEvents = maxText === undefined ? DEFAULT_MAX_EVENTS : parseInteger(maxText, '--max-events', 1, 1e9);
  const seed = ctx.seed ?? 1;
  const job: SimJob = { nanoscopeSim: true, scene: 'ladder', params, seed, maxEvents };
  const worker = spawnWorker(fileURLToPath(new URL('../simWorker.ts', import.meta.url)), { kind: 'source' }, { workerData: job });
  const reply = await new Promise<SimReply>((resolve, reject) => {
    worker.once('message', (m: SimReply) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new FailedError(`simulation worker exited (code ${code}) without a result`)));
  }).finally(() => void worker.terminate());
  if (!reply.ok) throw reply.kind === 'bad-input' ? new InputError(`trace ladder: ${reply.message}`) : new FailedError(reply.message);
  if (reply.budgetExceeded) throw new BudgetError(`trace ladder: more than ${maxEvents} events (--max-events)`);
  ctx.out(JSON.stringify({ scene: reply.scene, seed, params: reply.params, records: reply.records }));
}
