/**
 * `nanoscope cost --requests FILE.json | --trace steady|bursty|idle`: serves a request trace
 * on a function platform (cold starts, warm reuse within the keep-alive, scale to zero) and
 * prices it per month against always-on VMs, with the seed's developer-time argument.
 */
import { MiB } from '../../sim/core/units';
import {
  costOfDeveloperTime,
  costOfMachineTime,
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_PRICES,
  generateTrace,
  HOURS_PER_MONTH,
  monthlyCost,
  periodOf,
  serveTrace,
  TRACE_KINDS,
  type FunctionRequest,
  type Prices,
  type TraceKind,
} from '../../sim/stacks/functions';
import { DEFAULT_APP_BYTES, STACKS } from '../../sim/stacks/stacks';
import { stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { InputError, UsageError } from '../errors';
import { isObject, readJsonFile } from '../jsonFile';

/** Default request run time when a request file gives only arrival times, ms. */
const DEFAULT_DURATION_MS = 100;

/** `nanoscope cost --help`: the request file and the JSON shape. */
export function costHelp(): string {
  const lines = [
    'Request file (--requests FILE.json): a plain array of requests, or an object',
    `  {"requests":[{"t_ms":0,"duration_ms":120}…],"keep_alive_ms":${DEFAULT_KEEP_ALIVE_MS},"cold_start_ms":${STACKS.function.bootMs},"memory_mb":${DEFAULT_APP_BYTES / MiB},"period_ms":3600000,`,
    `   "prices":{"vm_hourly":${DEFAULT_PRICES.vmHourly},"engineer_hourly":${DEFAULT_PRICES.engineerHourly},"gb_second":${DEFAULT_PRICES.gbSecond},"per_million_requests":${DEFAULT_PRICES.perMillionRequests},"vm_concurrency":${DEFAULT_PRICES.vmConcurrency}}}`,
    `  every field but "requests" optional (defaults shown). A request is {"t_ms","duration_ms"} (duration default ${DEFAULT_DURATION_MS})`,
    '  or a bare number t_ms. period_ms: the trace repeats every period (default: 1 h, or its end rounded up to whole hours).',
    'Serving: a request takes the lowest-numbered idle warm instance, else a new instance cold-starts; an instance stops',
    '  keep_alive_ms after its last request ends (scale to zero). Function cost: (cold start + run) × GB × gb_second',
    `  + requests × per_million_requests / 1e6, × periods per month (${HOURS_PER_MONTH} h). VM: ⌈peak_load / vm_concurrency⌉ always-on VMs`,
    '  (peak_load: most requests running at once counting run time only — always-on VMs have no cold starts).',
    'JSON: {"requests","cold_starts","warm_hits","max_concurrency","peak_load","instances","scale_to_zero","keep_alive_ms","cold_start_ms",',
    '  "memory_mb","period_ms","vms_needed","cost_per_month":{"function","vm","container"},"prices":{…},',
    '  "developer":{"machine_hours_per_developer_hour","week_on_ec2"}}  (container: containers on the same always-on VMs)',
  ];
  return `${lines.join('\n')}\n`;
}

interface CostInput {
  readonly requests: FunctionRequest[];
  readonly keepAliveMs: number;
  readonly coldStartMs: number;
  readonly memoryMb: number;
  readonly periodMs: number | null;
  readonly prices: Prices;
}

function number(file: string, field: string, v: unknown, min: number, strictlyAbove = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (strictlyAbove && v === min)) {
    throw new InputError(`${file}: ${field} must be a number ${strictlyAbove ? '>' : '≥'} ${min} (got ${JSON.stringify(v)})`);
  }
  return v;
}

function optional(file: string, obj: Record<string, unknown>, field: string, path: string, fallback: number, min: number, strictlyAbove = false): number {
  return obj[field] === undefined ? fallback : number(file, path, obj[field], min, strictlyAbove);
}

/** Validates a request file, naming the file and the field of the first problem. */
export function parseRequestFile(file: string, json: unknown): CostInput {
  const top: Record<string, unknown> = Array.isArray(json) ? { requests: json } : isObject(json) ? json : {};
  if (!Array.isArray(top.requests)) throw new InputError(`${file}: requests must be an array (or the file a plain array of requests)`);
  const requests = top.requests.map((r: unknown, i: number): FunctionRequest => {
    if (typeof r === 'number') return { tMs: number(file, `requests[${i}]`, r, 0), durationMs: DEFAULT_DURATION_MS };
    if (!isObject(r)) throw new InputError(`${file}: requests[${i}] must be {"t_ms","duration_ms"} or a number`);
    return { tMs: number(file, `requests[${i}].t_ms`, r.t_ms, 0), durationMs: optional(file, r, 'duration_ms', `requests[${i}].duration_ms`, DEFAULT_DURATION_MS, 0) };
  });
  const p = top.prices === undefined ? {} : top.prices;
  if (!isObject(p)) throw new InputError(`${file}: prices must be an object`);
  const prices: Prices = {
    vmHourly: optional(file, p, 'vm_hourly', 'prices.vm_hourly', DEFAULT_PRICES.vmHourly, 0),
    engineerHourly: optional(file, p, 'engineer_hourly', 'prices.engineer_hourly', DEFAULT_PRICES.engineerHourly, 0),
    gbSecond: optional(file, p, 'gb_second', 'prices.gb_second', DEFAULT_PRICES.gbSecond, 0),
    perMillionRequests: optional(file, p, 'per_million_requests', 'prices.per_million_requests', DEFAULT_PRICES.perMillionRequests, 0),
    vmConcurrency: optional(file, p, 'vm_concurrency', 'prices.vm_concurrency', DEFAULT_PRICES.vmConcurrency, 0, true),
  };
  return {
    requests,
    keepAliveMs: optional(file, top, 'keep_alive_ms', 'keep_alive_ms', DEFAULT_KEEP_ALIVE_MS, 0),
    coldStartMs: optional(file, top, 'cold_start_ms', 'cold_start_ms', STACKS.function.bootMs, 0),
    memoryMb: optional(file, top, 'memory_mb', 'memory_mb', DEFAULT_APP_BYTES / MiB, 0, true),
    periodMs: top.period_ms === undefined ? null : number(file, 'period_ms', top.period_ms, 0, true),
    prices,
  };
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const args: ParsedArgs = { positionals, flags };
  if (positionals.length) throw new UsageError(`nanoscope cost: unexpected argument "${positionals[0]}"`);
  const file = stringFlag(args, 'requests');
  const trace = stringFlag(args, 'trace');
  if ((file === undefined) === (trace === undefined)) throw new UsageError('nanoscope cost: give exactly one of --requests FILE.json and --trace steady|bursty|idle');
  let input: CostInput;
  if (file !== undefined) input = parseRequestFile(file, readJsonFile(file, '--requests'));
  else {
    if (!(TRACE_KINDS as readonly string[]).includes(trace!)) throw new UsageError(`nanoscope cost: --trace must be one of ${TRACE_KINDS.join(', ')} (got "${trace}")`);
    input = { requests: generateTrace(trace as TraceKind), keepAliveMs: DEFAULT_KEEP_ALIVE_MS, coldStartMs: STACKS.function.bootMs, memoryMb: DEFAULT_APP_BYTES / MiB, periodMs: null, prices: DEFAULT_PRICES };
  }
  const served = serveTrace(input.requests, { coldStartMs: input.coldStartMs, keepAliveMs: input.keepAliveMs });
  const periodMs = input.periodMs ?? periodOf(served);
  const cost = monthlyCost(served, input.memoryMb * MiB, periodMs, input.prices);
  const perDevHour = costOfDeveloperTime(1, input.prices).machineHours;
  const week = costOfMachineTime(40, input.prices);
  const p = input.prices;
  if (ctx.json) {
    ctx.out(
      JSON.stringify({
        requests: served.requests.length,
        cold_starts: served.coldStarts,
        warm_hits: served.warmHits,
        max_concurrency: served.maxConcurrency,
        peak_load: served.peakLoad,
        instances: served.instances,
        scale_to_zero: served.scaleToZero,
        keep_alive_ms: input.keepAliveMs,
        cold_start_ms: input.coldStartMs,
        memory_mb: input.memoryMb,
        period_ms: periodMs,
        vms_needed: cost.vmsNeeded,
        cost_per_month: { function: cost.function, vm: cost.vm, container: cost.vm },
        prices: { vm_hourly: p.vmHourly, engineer_hourly: p.engineerHourly, gb_second: p.gbSecond, per_million_requests: p.perMillionRequests, vm_concurrency: p.vmConcurrency },
        developer: { machine_hours_per_developer_hour: perDevHour, week_on_ec2: week },
      }),
    );
    return;
  }
  const usd = (x: number) => `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}`;
  ctx.out(
    [
      `${served.requests.length} requests: ${served.coldStarts} cold starts, ${served.warmHits} warm hits, at most ${served.maxConcurrency} at once; ${served.instances} instances, each scaled to zero after ${input.keepAliveMs} ms idle`,
      `per month (the trace repeating every ${periodMs} ms, ${HOURS_PER_MONTH} h a month):`,
      `  function  ${usd(cost.function)}  (${input.memoryMb} MB, cold start ${input.coldStartMs} ms billed, $${p.gbSecond}/GB-s, $${p.perMillionRequests}/million requests)`,
      `  vm        ${usd(cost.vm)}  (${cost.vmsNeeded} always-on VM${cost.vmsNeeded === 1 ? '' : 's'} at $${p.vmHourly}/hour, ${p.vmConcurrency} requests at once each)`,
      `  container ${usd(cost.vm)}  (containers still need those always-on VMs)`,
      `one developer hour ($${p.engineerHourly}) rents ${perDevHour.toFixed(1)} machine-hours; a 40 hour week on one machine costs ${usd(week)}`,
    ].join('\n'),
  );
}
