/**
 * `nanoscope trace SCENE [--param NAME=VALUE]… [--seed N] [--max-events N] --json`: runs any
 * scene's model (loaded from src/sim/manifests.ts) in a worker_thread (the CLI never simulates on its main
 * thread) and prints `{"scene","seed","params","records"}`. Parameters are read against the
 * scene's schema, strictly: a value outside its range or values exits 1 naming it.
 * `trace ladder --preset P --route R --jitter J` (the first form) keeps working.
 */
import { fileURLToPath } from 'node:url';
import { spawnWorker } from '../../main/services/workers';
import { describeSchema, type ParamSchema } from '../../sim/core/params';
import { manifestById, SCENE_IDS } from '../../sim/manifests';
import { listFlag, parseInteger, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { BudgetError, FailedError, InputError, UsageError } from '../errors';
import type { SimJob, SimReply } from '../simWorker';

export const DEFAULT_MAX_EVENTS = 1_000_000;
/** Most --param flags one run takes (each scene has a handful of parameters). */
export const MAX_PARAM_FLAGS = 64;

/** Short names the CLI accepted before every scene could be traced. */
const ALIASES: Readonly<Record<string, string>> = { ladder: 'latency-ladder' };
/** Flags that stand for `--param NAME=VALUE` (the ladder's first form). */
export const SHORTHAND_FLAGS = ['preset', 'route', 'jitter'] as const;

/** `nanoscope trace --help`: every scene and its parameters. */
export function traceHelp(): string {
  const lines = ['Scenes and their parameters (--param NAME=VALUE):'];
  for (const id of SCENE_IDS) {
    const scene = manifestById(id)!;
    lines.push(`  ${id}: ${scene.title}`);
    for (const p of describeSchema(scene.params as ParamSchema<unknown>)) {
      const range = p.values ? p.values.join('|') : p.min !== undefined ? `${p.min}..${p.max}` : p.type;
      lines.push(`      ${p.name}=${range} (default ${p.default === '' ? '""' : String(p.default).length > 40 ? 'the preset\'s' : String(p.default)}${p.unit ? `, ${p.unit}` : ''}) ${p.label}`);
    }
  }
  lines.push(`"ladder" is short for latency-ladder; --preset, --route, --jitter stand for --param preset=…, route=…, jitter=….`);
  return `${lines.join('\n')}\n`;
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const [name, ...extra] = positionals;
  const id = name === undefined ? undefined : (ALIASES[name] ?? name);
  const scene = id === undefined ? undefined : manifestById(id);
  if (!scene) throw new UsageError(`nanoscope trace: ${name === undefined ? 'which scene?' : `unknown scene "${name}"`} (known: ${SCENE_IDS.join(', ')})`);
  if (extra.length) throw new UsageError(`nanoscope trace: unexpected argument "${extra[0]}"`);
  const label = `trace ${name}`;
  const args: ParsedArgs = { positionals, flags };
  const params: Record<string, string> = {};
  /** How the user wrote each parameter, to name it in an error. */
  const given: Record<string, string> = {};
  const paramFlags = listFlag(args, 'param');
  if (paramFlags.length > MAX_PARAM_FLAGS) throw new UsageError(`nanoscope trace: at most ${MAX_PARAM_FLAGS} --param flags (got ${paramFlags.length})`);
  for (const text of paramFlags) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`nanoscope trace: --param takes NAME=VALUE (got "${text}")`);
    const key = text.slice(0, eq);
    if (key in given) throw new UsageError(`nanoscope trace: parameter ${key} given twice`);
    params[key] = text.slice(eq + 1);
    given[key] = `--param ${key}`;
  }
  for (const flag of SHORTHAND_FLAGS) {
    const v = stringFlag(args, flag);
    if (v === undefined) continue;
    if (flag in given) throw new UsageError(`nanoscope trace: parameter ${flag} given twice`);
    params[flag] = v;
    given[flag] = `--${flag}`;
  }
  const maxText = stringFlag(args, 'max-events');
  const maxEvents = maxText === undefined ? DEFAULT_MAX_EVENTS : parseInteger(maxText, '--max-events', 1, 1e9);
  const seed = ctx.seed ?? 1;
  const job: SimJob = { nanoscopeSim: true, scene: scene.id, params, seed, maxEvents };
  const worker = spawnWorker(fileURLToPath(new URL('../simWorker.ts', import.meta.url)), { kind: 'source' }, { workerData: job });
  const reply = await new Promise<SimReply>((resolve, reject) => {
    worker.once('message', (m: SimReply) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new FailedError(`simulation worker exited (code ${code}) without a result`)));
  }).finally(() => void worker.terminate());
  if (!reply.ok) {
    if (reply.kind !== 'bad-input') throw new FailedError(reply.message);
    const known = Object.keys(scene.params).join(', ');
    const message = reply.issues
      ? reply.issues.map((i) => `${given[i.key] ?? `--param ${i.key}`}: ${i.reason === 'unknown parameter' ? `unknown parameter of ${scene.id} (known: ${known})` : i.reason}`).join('; ')
      : reply.message;
    throw new InputError(`${label}: ${message}`);
  }
  if (reply.budgetExceeded) throw new BudgetError(`${label}: more than ${maxEvents} events (--max-events)`);
  ctx.out(JSON.stringify({ scene: reply.scene, seed, params: reply.params, records: reply.records }));
}
