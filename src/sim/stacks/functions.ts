/**
 * Functions (serverless): a request trace served by instances the platform starts on demand
 * (a cold start), reuses while warm (within the keep-alive window) and stops after it (scale
 * to zero); what that costs per month against always-on VMs; and the seed's cost argument.
 *
 * All times in ms. Everything here is pure arithmetic on the trace: no clock, no randomness.
 */

/** One request: arrival time and how long the function runs, ms. */
export interface FunctionRequest {
  readonly tMs: number;
  readonly durationMs: number;
}

/** The generated traces of the scene. */
export type TraceKind = 'steady' | 'bursty' | 'idle';
/** Every generated trace, in menu order. */
export const TRACE_KINDS: readonly TraceKind[] = ['steady', 'bursty', 'idle'];

/** One hour, ms: the span of every generated trace and the default billing period. */
export const HOUR_MS = 3_600_000;
/** Hours in a month, AWS's billing convention (8,760 h / 12). */
export const HOURS_PER_MONTH = 730;
/** Run time of one request of the generated traces, ms. */
export const TRACE_DURATION_MS = 120;

/**
 * A generated hour of requests, each running {@link TRACE_DURATION_MS}:
 * - steady: one request a second (3,600);
 * - bursty: every 5 minutes a burst of 30 requests 20 ms apart (12 bursts, 360 requests);
 * - idle: every 20 minutes 5 requests 1 s apart, idle gaps longer than the keep-alive (15 requests).
 */
export function generateTrace(kind: TraceKind): FunctionRequest[] {
  const out: FunctionRequest[] = [];
  const push = (tMs: number) => out.push({ tMs, durationMs: TRACE_DURATION_MS });
  if (kind === 'steady') for (let i = 0; i < 3600; i++) push(i * 1000);
  else if (kind === 'bursty') for (let b = 0; b < 12; b++) for (let i = 0; i < 30; i++) push(b * 300_000 + i * 20);
  else for (let g = 0; g < 3; g++) for (let i = 0; i < 5; i++) push(g * 1_200_000 + i * 1000);
  return out;
}

/** How the platform serves a trace. */
export interface PlatformConfig {
  /** Cold start of a new instance before it runs the request, ms. */
  readonly coldStartMs: number;
  /** An idle instance stays warm this long after its last request ends, then stops, ms. */
  readonly keepAliveMs: number;
}

/** Default keep-alive: 10 minutes. Providers do not publish theirs; a teaching figure. */
export const DEFAULT_KEEP_ALIVE_MS = 600_000;

/** One request as served. */
export interface ServedRequest {
  /** Index in arrival order (ties keep input order). */
  readonly id: number;
  readonly tMs: number;
  readonly durationMs: number;
  readonly cold: boolean;
  readonly instance: number;
  /** When the function starts running (after a cold start), ms. */
  readonly runMs: number;
  /** When the instance is free again, ms. */
  readonly endMs: number;
  /** When the instance scales to zero after this request, or null when a later request reuses it. */
  readonly stopMs: number | null;
}

/** The outcome of serving a trace. */
export interface FunctionRun {
  readonly requests: readonly ServedRequest[];
  /** Instances created (each by a cold start). */
  readonly instances: number;
  readonly coldStarts: number;
  readonly warmHits: number;
  /** Most requests in flight at once (cold start included) = most busy instances at once. */
  readonly maxConcurrency: number;
  /**
   * Most requests running at once with no cold starts (run time only): the load always-on
   * capacity must carry, which has no cold starts to pile requests up.
   */
  readonly peakLoad: number;
  /** Instances that stopped after their keep-alive (all of them, eventually). */
  readonly scaleToZero: number;
  /** When the last request ends, ms. */
  readonly lastEndMs: number;
}

/**
 * Serves a trace. A request takes the lowest-numbered idle, warm instance (warm reuse); with
 * none, a new instance cold-starts (instance ids are never reused). An instance is free at
 * its request's end (a request arriving at that very ms may reuse it) and stops at end +
 * keep-alive (a request arriving at that very ms finds it stopped).
 */
export function serveTrace(trace: readonly FunctionRequest[], config: PlatformConfig): FunctionRun {
  const order = trace.map((r, i) => ({ r, i })).sort((a, b) => a.r.tMs - b.r.tMs || a.i - b.i);
  const busyUntil: number[] = [];
  const stopped: boolean[] = [];
  /** The request each instance served last (its stopMs is decided later). */
  const lastRequest: number[] = [];
  const served: { id: number; tMs: number; durationMs: number; cold: boolean; instance: number; runMs: number; endMs: number; stopMs: number | null }[] = [];
  let cold = 0;
  let maxConcurrency = 0;
  let peakLoad = 0;
  let running: number[] = [];
  let lastEndMs = 0;
  for (const { r } of order) {
    const t = r.tMs;
    let pick = -1;
    let busy = 0;
    for (let k = 0; k < busyUntil.length; k++) {
      if (stopped[k]) continue;
      const free = busyUntil[k]!;
      if (free > t) {
        busy++;
        continue;
      }
      if (t >= free + config.keepAliveMs) {
        stopped[k] = true;
        continue;
      }
      if (pick < 0) pick = k;
    }
    const isCold = pick < 0;
    if (isCold) {
      pick = busyUntil.length;
      busyUntil.push(0);
      stopped.push(false);
      lastRequest.push(-1);
      cold++;
    } else served[lastRequest[pick]!]!.stopMs = null;
    const runMs = t + (isCold ? config.coldStartMs : 0);
    const endMs = runMs + r.durationMs;
    busyUntil[pick] = endMs;
    lastRequest[pick] = served.length;
    served.push({ id: served.length, tMs: t, durationMs: r.durationMs, cold: isCold, instance: pick, runMs, endMs, stopMs: endMs + config.keepAliveMs });
    maxConcurrency = Math.max(maxConcurrency, busy + 1);
    running = running.filter((end) => end > t);
    running.push(t + r.durationMs);
    peakLoad = Math.max(peakLoad, running.length);
    lastEndMs = Math.max(lastEndMs, endMs);
  }
  return {
    requests: served,
    instances: busyUntil.length,
    coldStarts: cold,
    warmHits: served.length - cold,
    maxConcurrency,
    peakLoad,
    scaleToZero: busyUntil.length,
    lastEndMs,
  };
}

/** Prices, in dollars. */
export interface Prices {
  /** An always-on VM, per hour (seed: an EC2 instance at $0.154/hour). */
  readonly vmHourly: number;
  /** An engineer, per hour (seed: $50/hour). */
  readonly engineerHourly: number;
  /** Function compute, per GB-second (AWS Lambda's published x86 price, $0.0000166667). */
  readonly gbSecond: number;
  /** Function invocations, per million requests (AWS Lambda's published price, $0.20). */
  readonly perMillionRequests: number;
  /** Requests one always-on VM serves at once (the seed's machine has 4 CPUs). */
  readonly vmConcurrency: number;
}

/** The seed's prices, and AWS Lambda's published ones for functions. */
export const DEFAULT_PRICES: Prices = { vmHourly: 0.154, engineerHourly: 50, gbSecond: 0.0000166667, perMillionRequests: 0.2, vmConcurrency: 4 };

/** Monthly cost of a served trace, dollars. */
export interface MonthlyCost {
  /** Pay per use: GB-seconds (cold start + run, billed per ms) + invocations. */
  readonly function: number;
  /** Always-on VMs enough for the peak load: ⌈peakLoad / vmConcurrency⌉ × vmHourly × 730 h. */
  readonly vm: number;
  readonly vmsNeeded: number;
  /** The trace's cost per period, function stack, before scaling to a month. */
  readonly functionPerPeriod: number;
}

/**
 * What a served trace costs per month if it repeats every `periodMs`.
 * @param memoryBytes - memory of one function instance (billed in GB of 1024 MiB)
 */
export function monthlyCost(run: FunctionRun, memoryBytes: number, periodMs: number, prices: Prices): MonthlyCost {
  let billedMs = 0;
  for (const r of run.requests) billedMs += r.endMs - r.tMs;
  const gb = memoryBytes / 1024 ** 3;
  const functionPerPeriod = (billedMs / 1000) * gb * prices.gbSecond + (run.requests.length / 1e6) * prices.perMillionRequests;
  const periodsPerMonth = (HOURS_PER_MONTH * HOUR_MS) / periodMs;
  const vmsNeeded = run.requests.length === 0 ? 0 : Math.ceil(run.peakLoad / prices.vmConcurrency);
  return { function: functionPerPeriod * periodsPerMonth, vm: vmsNeeded * prices.vmHourly * HOURS_PER_MONTH, vmsNeeded, functionPerPeriod };
}

/** The billing period of a trace: one hour, or the trace's end rounded up to whole hours if longer, ms. */
export function periodOf(run: FunctionRun): number {
  return Math.max(1, Math.ceil(run.lastEndMs / HOUR_MS)) * HOUR_MS;
}

/** The seed's argument: what `hours` of developer time cost, and how many machine-hours that rents. */
export function costOfDeveloperTime(hours: number, prices: Pick<Prices, 'vmHourly' | 'engineerHourly'>): { dollars: number; machineHours: number } {
  const dollars = hours * prices.engineerHourly;
  return { dollars, machineHours: dollars / prices.vmHourly };
}

/** What `hours` of one rented machine cost, dollars (the seed: a 40 hour week on EC2 ≈ $6). */
export function costOfMachineTime(hours: number, prices: Pick<Prices, 'vmHourly'>): number {
  return hours * prices.vmHourly;
}
