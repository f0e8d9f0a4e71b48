/**
 * The vocabulary of a parallel run: execution styles, what a run is, its prices (from the
 * hardware model, with documented defaults), its events, trace records and Gantt segments.
 */
import type { TraceRecord } from '../core/engine';
import { MiB, NS_PER_MS, NS_PER_US } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { DEFAULT_PROCESS_MEMORY_BYTES, type JobSpec } from './jobs';

/** How the job's tasks are run. */
export type Style = 'single' | 'threads' | 'gil' | 'processes' | 'async';
/** Every style, in menu order. */
export const STYLES: readonly Style[] = ['single', 'threads', 'gil', 'processes', 'async'];

/** Context switch, ns, when the machine has no figure (latency.md: "a few µs"). */
export const DEFAULT_CONTEXT_SWITCH_NS = 3 * NS_PER_US;
/** Thread creation, ns, when the machine has no figure (latency.md: "~10–50 µs"). */
export const DEFAULT_THREAD_CREATE_NS = 25 * NS_PER_US;
/** Process spawn, ns, when the machine has no figure (latency.md: /bin/true spawned and reaped, 1.2 ms). */
export const DEFAULT_PROCESS_SPAWN_NS = 1.2 * NS_PER_MS;
/** Reading 1 MB from memory, ns, when the machine has no figure (Dean/Norvig ~2012: 250 µs). */
export const DEFAULT_READ_1MB_NS = 250 * NS_PER_US;
/** OS time slice, ns: a few ms, the order of a Linux CFS slice with a handful of runnable threads. */
export const TIME_SLICE_NS = 4 * NS_PER_MS;
/** CPython's default switch interval, ns (5 ms). */
export const DEFAULT_SWITCH_INTERVAL_NS = 5 * NS_PER_MS;

/** What one run is: a job, a style, W workers, C cores. */
export interface RunConfig {
  readonly job: JobSpec;
  readonly style: Style;
  /** Workers (threads or processes; coroutines in flight for `async`), ≥ 1; `single` uses 1. */
  readonly workers: number;
  /** Cores, ≥ 1. */
  readonly cores: number;
  /** GIL switch interval, ns (> 0). */
  readonly switchIntervalNs: number;
}

/** The prices a run uses, whole ns, each with where it came from. */
export interface RunPrices {
  readonly contextSwitch: number;
  readonly spawn: number;
  /** Copying one task's data to a process and its result back (0 except `processes`). */
  readonly copy: number;
  readonly timeSlice: number;
  readonly sources: Readonly<Record<string, string>>;
}

/** A task started running on a core (task −1: the worker's own creation). */
export interface RunRecord extends TraceRecord {
  readonly kind: 'run';
  readonly core: number;
  readonly task: number;
  readonly worker: number;
}
/** A core switches to a different worker, costing `ns`. */
export interface SwitchRecord extends TraceRecord {
  readonly kind: 'switch';
  readonly core: number;
  readonly ns: number;
}
/** A task waits on I/O for `ns`. */
export interface BlockRecord extends TraceRecord {
  readonly kind: 'block';
  readonly task: number;
  readonly worker: number;
  readonly io: string;
  readonly ns: number;
}
/** The GIL is handed to `worker`. */
export interface GilRecord extends TraceRecord {
  readonly kind: 'gil';
  readonly worker: number;
}
/** A task finished. */
export interface DoneRecord extends TraceRecord {
  readonly kind: 'done';
  readonly task: number;
}
/** A parallel-run trace record. */
export type ParallelRecord = RunRecord | SwitchRecord | BlockRecord | GilRecord | DoneRecord;

/** A core's phase ends (`gen` guards against stale events), an I/O wait ends, or a GIL wait times out. */
export type ParallelEvent =
  | { readonly kind: 'core'; readonly core: number; readonly gen: number }
  | { readonly kind: 'io'; readonly task: number; readonly io: number }
  | { readonly kind: 'gil-timeout'; readonly worker: number; readonly gen: number; readonly switches: number };

/** A stretch of time a core spent on one thing. task −1: a worker's creation. */
export interface Segment {
  readonly task: number;
  readonly worker: number;
  readonly start: number;
  readonly end: number;
  readonly kind: 'cpu' | 'switch' | 'spawn' | 'copy';
}

/** An I/O wait (end null while in flight). */
export interface IoWait {
  readonly task: number;
  readonly worker: number;
  readonly start: number;
  end: number | null;
  readonly what: string;
}

/** Prices of a run on a machine (defaults, named in `sources`, where the machine has no figure). */
export function runPrices(config: RunConfig, machine: MachineModel): RunPrices {
  const pick = (figure: { value: number; source: string } | undefined, fallback: number, name: string, sources: Record<string, string>): number => {
    sources[name] = figure ? figure.source : 'default';
    return Math.round(figure ? figure.value : fallback);
  };
  const sources: Record<string, string> = {};
  const contextSwitch = pick(machine.os.contextSwitch, DEFAULT_CONTEXT_SWITCH_NS, 'contextSwitch', sources);
  const threadCreate = pick(machine.os.threadCreate, DEFAULT_THREAD_CREATE_NS, 'threadCreate', sources);
  const processSpawn = pick(machine.os.processSpawn, DEFAULT_PROCESS_SPAWN_NS, 'processSpawn', sources);
  const read1MB = pick(machine.memory.read1MB, DEFAULT_READ_1MB_NS, 'read1MB', sources);
  const style = config.style;
  const spawn = style === 'threads' || style === 'gil' ? threadCreate : style === 'processes' ? processSpawn : 0;
  const copy = style === 'processes' ? Math.round((2 * config.job.dataBytes * read1MB) / MiB) : 0;
  return { contextSwitch, spawn, copy, timeSlice: TIME_SLICE_NS, sources };
}

/** Resident memory of the run: one interpreter per process under `processes`, else one. */
export function memoryOf(config: RunConfig): number {
  const perProcess = config.job.processMemoryBytes ?? DEFAULT_PROCESS_MEMORY_BYTES;
  return config.style === 'processes' ? perProcess * Math.max(1, config.workers) : perProcess;
}
