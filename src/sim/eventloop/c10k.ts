/**
 * C10k, from the seed: N requests, each waiting a network round trip, served three ways —
 * (a) one blocking thread, one request after the other; (b) a thread per request, each paying
 * its creation, its stack and two context switches (block, wake), the CPU work shared by the
 * cores; (c) one event loop, the waits overlapped, the CPU work one callback after another.
 * Closed forms, so any N from 1 to 10,000 is instant; the lanes of the first requests are
 * laid out for the animation. Figures come from the hardware model, the stack size from
 * Linux's default thread stack (8 MiB reserved, of which a server typically touches ~64 KiB;
 * the model charges the touched part, and says so).
 */
import type { MachineModel } from '../hardware/types';

/** The three ways to serve. */
export type C10kStrategy = 'blocking' | 'threads' | 'event-loop';
/** In display order. */
export const C10K_STRATEGIES: readonly C10kStrategy[] = ['blocking', 'threads', 'event-loop'];

/** Inputs, in ns and bytes. */
export interface C10kParams {
  readonly requests: number;
  /** The wait of each request (a network round trip), ns. */
  readonly waitNs: number;
  /** CPU work per request (parse, respond), ns. */
  readonly cpuNs: number;
}

/** The machine figures the model uses (with their defaults when the machine lacks one). */
export interface C10kCosts {
  readonly cores: number;
  readonly contextSwitchNs: number;
  readonly threadCreateNs: number;
  /** Resident stack per thread, bytes. */
  readonly threadStackBytes: number;
  /** Per-connection state on the event loop (socket buffers, a closure), bytes. */
  readonly connectionBytes: number;
  /** Memory available for the server, bytes. */
  readonly memoryBytes: number;
}

/** One request's lane: when it started being served and when it was done, ns. */
export interface Lane {
  readonly startNs: number;
  readonly endNs: number;
}

/** How one strategy does. */
export interface C10kResult {
  readonly strategy: C10kStrategy;
  readonly totalNs: number;
  readonly memoryBytes: number;
  readonly contextSwitches: number;
  /** The first requests' lanes (at most `maxLanes`). */
  readonly lanes: readonly Lane[];
  /** Set when the strategy cannot serve N at all (memory). */
  readonly failure: string | null;
}

/** Default costs: the machine's figures, Linux's thread stack, a few KiB per connection. */
export function c10kCosts(machine: MachineModel | null): C10kCosts {
  return {
    cores: machine?.cpu.cores ?? 4,
    contextSwitchNs: machine?.os.contextSwitch?.value ?? 3000,
    threadCreateNs: machine?.os.threadCreate?.value ?? 25_000,
    threadStackBytes: 64 * 1024,
    connectionBytes: 4 * 1024,
    memoryBytes: machine?.memory.sizeBytes?.value ?? 32 * 2 ** 30,
  };
}

/** Serves N requests each way. */
export function serveC10k(p: C10kParams, c: C10kCosts, maxLanes = 24): C10kResult[] {
  const n = p.requests;
  const lanes = Math.min(n, maxLanes);
  const blocking: C10kResult = {
    strategy: 'blocking',
    totalNs: n * (p.waitNs + p.cpuNs),
    memoryBytes: c.threadStackBytes + c.connectionBytes,
    contextSwitches: 2 * n,
    lanes: Array.from({ length: lanes }, (_, i) => ({ startNs: i * (p.waitNs + p.cpuNs), endNs: (i + 1) * (p.waitNs + p.cpuNs) })),
    failure: null,
  };
  // Threads: created one after another by the acceptor; each waits, then competes for a core.
  const cpuTotal = n * (p.cpuNs + 2 * c.contextSwitchNs);
  const threadMemory = n * (c.threadStackBytes + c.connectionBytes);
  const lastStart = (n - 1) * c.threadCreateNs;
  const threadsTotal = Math.max(lastStart + c.threadCreateNs + p.waitNs + p.cpuNs + 2 * c.contextSwitchNs, c.threadCreateNs + cpuTotal / Math.max(1, c.cores));
  const threads: C10kResult = {
    strategy: 'threads',
    totalNs: threadsTotal,
    memoryBytes: threadMemory,
    contextSwitches: 2 * n,
    lanes: Array.from({ length: lanes }, (_, i) => ({ startNs: i * c.threadCreateNs, endNs: (i + 1) * c.threadCreateNs + p.waitNs + p.cpuNs + 2 * c.contextSwitchNs })),
    failure: threadMemory > c.memoryBytes ? `${n} stacks need more than the machine's memory` : null,
  };
  // Event loop: every request is sent at once; the responses' callbacks run one after another.
  const loop: C10kResult = {
    strategy: 'event-loop',
    totalNs: p.waitNs + n * p.cpuNs,
    memoryBytes: c.threadStackBytes + n * c.connectionBytes,
    contextSwitches: 0,
    lanes: Array.from({ length: lanes }, (_, i) => ({ startNs: 0, endNs: p.waitNs + (i + 1) * p.cpuNs })),
    failure: null,
  };
  return [blocking, threads, loop];
}

/**
 * Where a thread per request stops scaling: the smallest N (1..maxN) whose total time is at
 * least twice one request's (creating and switching threads, not the wait, now sets the pace);
 * null when that does not happen by maxN. Same rule for any strategy.
 */
export function scalingLimit(strategy: C10kStrategy, p: Omit<C10kParams, 'requests'>, c: C10kCosts, maxN = 10_000): number | null {
  const total = (n: number): number => serveC10k({ ...p, requests: n }, c, 0).find((r) => r.strategy === strategy)?.totalNs ?? 0;
  const limit = 2 * total(1);
  if (total(maxN) < limit) return null;
  let lo = 1;
  let hi = maxN;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (total(mid) >= limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** What each request waits for in the scene: a round trip in the datacenter or across an ocean. */
export type C10kWaitKind = 'datacenter' | 'internet';

/** The scene's C10k inputs on a machine: the round trip from its network figures, 5 µs of CPU each. */
export function c10kInputs(machine: MachineModel | null, requests: number, wait: C10kWaitKind): { params: C10kParams; costs: C10kCosts } {
  const waitNs =
    wait === 'datacenter' ? (machine?.network.datacenterRoundTrip?.value ?? 500_000) : (machine?.network.intercontinentalRoundTrip?.value ?? 150e6);
  return { params: { requests, waitNs, cpuNs: 5000 }, costs: c10kCosts(machine) };
}

/**
 * The instants the C10k animation steps through, ns, ascending and distinct: 0, every drawn
 * lane's start and end and each strategy's finish. At most `max` (evenly thinned, the last kept).
 */
export function c10kInstants(results: readonly C10kResult[], max = 600): number[] {
  const all = new Set<number>([0]);
  for (const r of results) {
    all.add(r.totalNs);
    for (const lane of r.lanes) {
      all.add(lane.startNs);
      all.add(lane.endNs);
    }
  }
  const sorted = [...all].sort((a, b) => a - b);
  if (sorted.length <= max) return sorted;
  return Array.from({ length: max }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (max - 1))]!);
}
