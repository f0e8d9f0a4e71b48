/**
 * "VMs, Containers, Functions" as the app sees it: URL parameters, the model and a plain view.
 *
 * Every stack but `function` launches N instances on one host ({@link planLaunch}: memory decides
 * how many fit, boots run `cores` at a time). The `function` stack instead serves an hour of
 * requests ({@link serveTrace}): cold starts, warm reuse, scale to zero. Both are computed up
 * front as pure plans; the model replays them as events so the timeline can scrub them.
 */
import type { Model, SimContext, TraceRecord } from '../core/engine';
import type { SceneDefinition } from '../core/scene';

import { nanos, NS_PER_MS } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { DEFAULT_PRICES, generateTrace, monthlyCost, periodOf, serveTrace, type FunctionRun } from './functions';
import { DEFAULT_APP_BYTES, hostOf, instanceBytes, planLaunch, STACKS, type HostSpec, type LaunchPlan, type StackLayer } from './stacks';
import { type StacksParams, stacksManifest } from './manifest';
export { STACKS_PARAMS } from './manifest';
export type { StacksParams } from './manifest';

/** One instance as the renderer shows it. Times in ms. */
export interface InstanceView {
  readonly id: number;
  readonly state: 'waiting' | 'booting' | 'running' | 'rejected' | 'idle' | 'stopped';
  readonly startMs: number | null;
  readonly readyMs: number | null;
  readonly memoryBytes: number;
}

/** What the renderer draws. Times in ms, sizes in bytes. */
export interface StacksView {
  readonly stack: string;
  readonly label: string;
  readonly layers: readonly StackLayer[];
  readonly host: { readonly cores: number; readonly memoryBytes: number; readonly usedBytes: number };
  readonly instances: readonly InstanceView[];
  readonly requested: number;
  readonly fit: number;
  /** Until the last fitted instance is ready, ms. */
  readonly startMs: number;
  /** Per instance, bytes. */
  readonly memoryOverheadBytes: number;
  /** Fraction of CPU lost to the layers. */
  readonly cpuOverhead: number;
  readonly isolation: { readonly boundary: string; readonly reaches: readonly string[]; readonly sharedKernel: boolean };
  /** Function stack only: counts so far (at this state's time); costs for the whole trace, per month. */
  readonly functions: { readonly requests: number; readonly coldStarts: number; readonly warmHits: number; readonly maxConcurrency: number; readonly costPerMonth: number; readonly vmCostPerMonth: number } | null;
  readonly sources: readonly string[];
}

/** An instance starts booting (or cold-starting). */
export interface BootStartRecord extends TraceRecord {
  readonly kind: 'boot-start';
  readonly instance: number;
}
/** An instance is ready to serve. */
export interface ReadyRecord extends TraceRecord {
  readonly kind: 'ready';
  readonly instance: number;
}
/** An instance does not fit on the host. */
export interface RejectedRecord extends TraceRecord {
  readonly kind: 'rejected';
  readonly instance: number;
  readonly reason: string;
}
/** A function request arrives; `cold` when it needs a new instance. */
export interface RequestRecord extends TraceRecord {
  readonly kind: 'request';
  readonly id: number;
  readonly cold: boolean;
  readonly instance: number;
}
/** An idle function instance is stopped after its keep-alive. */
export interface ScaleToZeroRecord extends TraceRecord {
  readonly kind: 'scale-to-zero';
  readonly instance: number;
}
/** A stacks trace record. */
export type StacksRecord = BootStartRecord | ReadyRecord | RejectedRecord | RequestRecord | ScaleToZeroRecord;

/** Events: launch steps (by instance) and function steps (by request index). */
export type StacksEvent =
  | { readonly type: 'reject'; readonly instance: number }
  | { readonly type: 'boot'; readonly instance: number }
  | { readonly type: 'ready'; readonly instance: number }
  | { readonly type: 'request'; readonly request: number }
  | { readonly type: 'cold-ready'; readonly request: number }
  | { readonly type: 'done'; readonly request: number }
  | { readonly type: 'stop'; readonly request: number };

const STATES = ['waiting', 'booting', 'running', 'rejected', 'idle', 'stopped'] as const;
const S = { waiting: 0, booting: 1, running: 2, rejected: 3, idle: 4, stopped: 5 } as const;

/** The model state: immutable plans (shared by clones) and per-instance state codes. */
export interface StacksState {
  readonly params: StacksParams;
  readonly host: HostSpec;
  readonly bootMs: number;
  readonly perInstanceBytes: number;
  readonly launch: LaunchPlan | null;
  readonly run: FunctionRun | null;
  /** Per instance: an index into STATES. */
  readonly state: Uint8Array;
  /** Function stack: requests arrived, cold starts and warm hits so far. */
  counts: { requests: number; cold: number; warm: number };
}

/** Monthly cost of the function stack and of always-on VMs, for a served trace. */
export interface FunctionCosts {
  readonly costPerMonth: number;
  readonly vmCostPerMonth: number;
}


/** The function stack's monthly costs for a served trace (instances of {@link DEFAULT_APP_BYTES}). */
export function functionCosts(run: FunctionRun, vmHourly: number): FunctionCosts {
  const cost = monthlyCost(run, DEFAULT_APP_BYTES, periodOf(run), { ...DEFAULT_PRICES, vmHourly });
  return { costPerMonth: cost.function, vmCostPerMonth: cost.vm };
}

const ms = (value: number) => nanos(value * NS_PER_MS);

/** The model for a parameter set on a machine. */
export function stacksModel(params: StacksParams, machine: MachineModel): Model<StacksState, StacksEvent, StacksRecord> {
  const spec = STACKS[params.stack];
  const bootMs = params.boot ?? spec.bootMs;
  const host = hostOf(machine);
  const perInstanceBytes = instanceBytes(spec);
  const fn = params.stack === 'function';
  const launch = fn ? null : planLaunch(host, { overheadBytes: spec.overheadBytes, bootMs }, params.instances);
  const run = fn ? serveTrace(generateTrace(params.trace), { coldStartMs: bootMs, keepAliveMs: params.keepAlive }) : null;
  return {
    init(ctx) {
      const count = launch ? launch.requested : run!.instances;
      const state: StacksState = { params, host, bootMs, perInstanceBytes, launch, run, state: new Uint8Array(count), counts: { requests: 0, cold: 0, warm: 0 } };
      if (launch) {
        for (let i = launch.fit; i < launch.requested; i++) ctx.schedule(nanos(0), { type: 'reject', instance: i });
        for (const e of launch.timeline) ctx.schedule(ms(e.startMs), { type: 'boot', instance: e.instance }, 1);
      } else if (run!.requests.length > 0) ctx.schedule(ms(run!.requests[0]!.tMs), { type: 'request', request: 0 }, 3);
      return state;
    },
    handle,
    clone: (s) => ({ ...s, state: s.state.slice(), counts: { ...s.counts } }),
  };
}

// At equal times: a boot or a function ready (0) before its end (1), ends before stops (2),
// stops before arrivals (3) — the order serveTrace assumes.
function handle(s: StacksState, ev: StacksEvent, ctx: SimContext<StacksEvent, StacksRecord>): void {
  const t = ctx.now;
  switch (ev.type) {
    case 'reject': {
      s.state[ev.instance] = S.rejected;
      const room = Math.max(0, s.host.memoryBytes - s.host.reserveBytes);
      const fit = s.launch!.fit;
      ctx.emit({ t, kind: 'rejected', instance: ev.instance, reason: `memory: ${fit} × ${mib(s.perInstanceBytes)} MiB fill ${mib(room)} MiB free of ${mib(s.host.memoryBytes)} MiB` });
      return;
    }
    case 'boot':
      s.state[ev.instance] = S.booting;
      ctx.emit({ t, kind: 'boot-start', instance: ev.instance });
      ctx.schedule(ms(s.bootMs), { type: 'ready', instance: ev.instance }, 0);
      return;
    case 'ready':
      s.state[ev.instance] = S.running;
      ctx.emit({ t, kind: 'ready', instance: ev.instance });
      return;
    case 'request': {
      const run = s.run!;
      const r = run.requests[ev.request]!;
      s.counts.requests++;
      if (r.cold) s.counts.cold++;
      else s.counts.warm++;
      ctx.emit({ t, kind: 'request', id: r.id, cold: r.cold, instance: r.instance });
      if (r.cold) {
        s.state[r.instance] = S.booting;
        ctx.emit({ t, kind: 'boot-start', instance: r.instance });
        ctx.schedule(ms(r.runMs - r.tMs), { type: 'cold-ready', request: ev.request }, 0);
      } else {
        s.state[r.instance] = S.running;
        ctx.schedule(ms(r.endMs - r.tMs), { type: 'done', request: ev.request }, 1);
      }
      const next = run.requests[ev.request + 1];
      if (next) ctx.schedule(ms(next.tMs - r.tMs), { type: 'request', request: ev.request + 1 }, 3);
      return;
    }
    case 'cold-ready': {
      const r = s.run!.requests[ev.request]!;
      s.state[r.instance] = S.running;
      ctx.emit({ t, kind: 'ready', instance: r.instance });
      ctx.schedule(ms(r.endMs - r.runMs), { type: 'done', request: ev.request }, 1);
      return;
    }
    case 'done': {
      const r = s.run!.requests[ev.request]!;
      s.state[r.instance] = S.idle;
      if (r.stopMs !== null) ctx.schedule(ms(r.stopMs - r.endMs), { type: 'stop', request: ev.request }, 2);
      return;
    }
    case 'stop': {
      const r = s.run!.requests[ev.request]!;
      s.state[r.instance] = S.stopped;
      ctx.emit({ t, kind: 'scale-to-zero', instance: r.instance });
      return;
    }
  }
}

const mib = (b: number) => Math.round(b / 2 ** 20);

function view(s: StacksState): StacksView {
  const spec = STACKS[s.params.stack];
  const launch = s.launch;
  const run = s.run;
  let used = s.host.reserveBytes;
  const instances: InstanceView[] = [];
  const first: (number | null)[] = [];
  if (run) {
    for (const r of run.requests) if (r.cold) first[r.instance] = r.tMs;
  }
  for (let i = 0; i < s.state.length; i++) {
    const state = STATES[s.state[i]!]!;
    const live = state === 'booting' || state === 'running' || state === 'idle';
    if (live) used += s.perInstanceBytes;
    if (launch) {
      const e = launch.timeline[i];
      instances.push({ id: i, state, startMs: e ? e.startMs : null, readyMs: e ? e.readyMs : null, memoryBytes: s.perInstanceBytes });
    } else {
      const started = state !== 'waiting';
      const start = first[i] ?? null;
      instances.push({ id: i, state, startMs: started ? start : null, readyMs: started && start !== null ? start + s.bootMs : null, memoryBytes: s.perInstanceBytes });
    }
  }
  const sources = [spec.bootSource, spec.overheadSource, spec.cpuSource, s.host.source];
  if (s.params.boot !== null) sources[0] = `boot set to ${s.params.boot} ms (documented: ${spec.bootMs} ms, ${spec.bootSource})`;
  let functions: StacksView['functions'] = null;
  if (run) {
    const costs = functionCosts(run, s.params.vmHourly);
    functions = { requests: s.counts.requests, coldStarts: s.counts.cold, warmHits: s.counts.warm, maxConcurrency: run.maxConcurrency, ...costs };
    sources.push(
      `function prices: AWS Lambda's published $${DEFAULT_PRICES.gbSecond}/GB-s and $${DEFAULT_PRICES.perMillionRequests}/million requests; VM $${s.params.vmHourly}/hour (seed: EC2 $0.154/hour), ${DEFAULT_PRICES.vmConcurrency} requests at once per VM; 730 h/month`,
      `keep-alive ${s.params.keepAlive / 60_000} min: providers do not publish theirs, a teaching figure`,
    );
  }
  return {
    stack: spec.id,
    label: spec.label,
    layers: spec.layers,
    host: { cores: s.host.cores, memoryBytes: s.host.memoryBytes, usedBytes: used },
    instances,
    requested: launch ? launch.requested : run!.instances,
    fit: launch ? launch.fit : run!.instances,
    startMs: launch ? launch.startMs : s.bootMs,
    memoryOverheadBytes: spec.overheadBytes,
    cpuOverhead: spec.cpuOverhead,
    isolation: spec.isolation,
    functions,
    sources,
  };
}

/** VMs, Containers, Functions. */
export const stacksScene: SceneDefinition<StacksParams, StacksState, StacksEvent, StacksRecord, StacksView, 'stacks'> = {
  ...stacksManifest,
  model: stacksModel,
  view,
};
