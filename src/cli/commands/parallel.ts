/**
 * `nanoscope parallel`: a job (a preset or a JSON description) run by the simulated OS
 * scheduler in one execution style; wall time, CPU time, context switches, per-core busy time
 * and each task's span. Runs on the CLI's thread (the presets take a few hundred events).
 */
import { readFileSync } from 'node:fs';
import { getPreset, PRESET_IDS as MACHINE_IDS } from '../../sim/hardware/presets';
import { IO_DEVICES, JOB_LIMITS, parseJob, PRESET_IDS, PRESETS, type JobSpec, type PresetId } from '../../sim/parallel/jobs';
import { DEFAULT_MAX_EVENTS, runParallel, summarize } from '../../sim/parallel/run';
import { STYLES, type Style } from '../../sim/parallel/runConfig';
import { NS_PER_MS } from '../../sim/core/units';
import { parseValue } from '../../sim/core/params';
import { PARALLEL_PARAMS } from '../../sim/parallel/scene';
import { parseInteger, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { BudgetError, InputError, UsageError } from '../errors';

/** Largest accepted --workers and --cores. */
export const MAX_WORKERS = 256;
export const MAX_CORES = 256;

/** `nanoscope parallel --help`: presets, the job file's shape and the JSON output. */
export function parallelHelp(): string {
  const lines = [
    'Presets:',
    ...PRESET_IDS.map((id) => `  ${id}: ${PRESETS[id].description}`),
    'Styles: single (one thread), threads (W threads, truly parallel), gil (W threads under a GIL,',
    '  --switch-ms interval, default 5), processes (W processes: spawn cost, data copied, memory each),',
    '  async (one thread, W tasks in flight, I/O overlapped).',
    'Job file (--preset FILE.json):',
    '  {"name"?, "tasks": 1..4096, "steps": [{"cpu_ms": n} | {"io": DEVICE, "times"?: n} | {"io_ms": n, "what"?: "label"}…],',
    '   "data_bytes"?: bytes copied per task under processes, "process_memory_bytes"?: per interpreter}',
    `  DEVICE: ${IO_DEVICES.join(', ')} (latency from --machine, default 2020; ~2012 figures where it has none)`,
    `  at most ${JOB_LIMITS.steps} steps; a step ≤ ${JOB_LIMITS.maxStepMs} ms; times ≤ ${JOB_LIMITS.times}.`,
    'JSON: {"wall_ns","cpu_ns","context_switches","per_core":[{"busy_ns","utilisation"}],"tasks":[{"id","worker","start_ns","end_ns"}],',
    '  "style","preset","workers","cores","machine","single_wall_ns","speedup","gil_handoffs","memory_bytes","prices_ns":{…}}',
  ];
  return `${lines.join('\n')}\n`;
}

function loadJob(spec: string): { id: string; job: JobSpec } {
  if ((PRESET_IDS as readonly string[]).includes(spec)) return { id: spec, job: PRESETS[spec as PresetId] };
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (e) {
    throw new InputError(`--preset: "${spec}" is neither a preset (${PRESET_IDS.join(', ')}) nor a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${spec}: not valid JSON (${(e as Error).message})`);
  }
  const result = parseJob(json);
  if (!result.ok) throw new InputError(`${spec}: ${result.problems.join('; ')}`);
  return { id: spec, job: result.job };
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  if (positionals.length) throw new UsageError(`nanoscope parallel: unexpected argument "${positionals[0]}"`);
  const args: ParsedArgs = { positionals, flags };
  const { id, job } = loadJob(stringFlag(args, 'preset') ?? 'cpu-bound');
  const styleText = stringFlag(args, 'style') ?? 'gil';
  if (!(STYLES as readonly string[]).includes(styleText)) throw new InputError(`--style must be one of ${STYLES.join(', ')} (got "${styleText}")`);
  const style = styleText as Style;
  const workersText = stringFlag(args, 'workers');
  const coresText = stringFlag(args, 'cores');
  const workers = workersText === undefined ? 4 : parseInteger(workersText, '--workers', 1, MAX_WORKERS);
  const cores = coresText === undefined ? 4 : parseInteger(coresText, '--cores', 1, MAX_CORES);
  const switchText = stringFlag(args, 'switch-ms');
  // The scene's one range for the GIL switch interval (src/sim/parallel/scene.ts).
  const switchSpec = PARALLEL_PARAMS.switch;
  const switchMs = switchText === undefined ? switchSpec.default : parseValue(switchSpec, switchText);
  if (typeof switchMs !== 'number') throw new InputError(`--switch-ms must be a number from ${switchSpec.min} to ${switchSpec.max} (got "${switchText}")`);
  const machineId = stringFlag(args, 'machine') ?? '2020';
  const machine = getPreset(machineId);
  if (!machine) throw new InputError(`--machine must be one of ${MACHINE_IDS.join(', ')} (got "${machineId}")`);
  const maxText = stringFlag(args, 'max-events');
  const maxEvents = maxText === undefined ? DEFAULT_MAX_EVENTS : parseInteger(maxText, '--max-events', 1, 1_000_000_000);
  const switchIntervalNs = Math.max(1, Math.round(switchMs * NS_PER_MS));
  const config = { job, style, workers, cores, switchIntervalNs };
  const result = runParallel(config, machine, { maxEvents });
  if (!result.finished) throw new BudgetError(`the run took more than ${maxEvents} events (--max-events)`);
  const baseline = style === 'single' ? result : runParallel({ ...config, style: 'single', workers: 1 }, machine, { maxEvents });
  if (!baseline.finished) throw new BudgetError(`the single-thread baseline took more than ${maxEvents} events (--max-events)`);
  const summary = summarize(result.state);
  const single = baseline.state.wallNs;
  const out = { ...summary, preset: id, machine: machine.id, single_wall_ns: single, speedup: summary.wall_ns > 0 ? single / summary.wall_ns : 0 };
  if (ctx.json) {
    ctx.out(JSON.stringify(out));
    return;
  }
  const ms = (ns: number) => `${(ns / NS_PER_MS).toFixed(3)} ms`;
  const lines = [
    `${job.label} (${id}), ${style}, ${summary.workers} worker(s) on ${cores} core(s), machine ${machine.id}`,
    `  wall ${ms(summary.wall_ns)}   cpu ${ms(summary.cpu_ns)}   context switches ${summary.context_switches}${style === 'gil' ? `   GIL handoffs ${summary.gil_handoffs}` : ''}`,
    `  speedup over single ${out.speedup.toFixed(2)}× (single: ${ms(single)})   memory ${(summary.memory_bytes / 2 ** 20).toFixed(0)} MiB`,
    ...summary.per_core.map((c, i) => `  core ${i}: busy ${ms(c.busy_ns)} (${(c.utilisation * 100).toFixed(1)}%)`),
  ];
  ctx.out(lines.join('\n'));
}
