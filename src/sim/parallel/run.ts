/**
 * A whole parallel run at once (for the CLI, the scene's `single` baseline and the tests),
 * and its summary in the `nanoscope parallel --json` shape.
 */
import { Engine } from '../core/engine';
import type { MachineModel } from '../hardware/types';
import { memoryOf, type ParallelRecord, type RunConfig } from './runConfig';
import { isFinished, parallelModel, type ParallelState } from './scheduler';

/** Events a run may take before it is cut off (a runaway guard; the presets need a few thousand). */
export const DEFAULT_MAX_EVENTS = 2_000_000;

/** The outcome of {@link runParallel}: the final state, and whether every task finished. */
export interface ParallelRun {
  readonly state: ParallelState;
  readonly finished: boolean;
  readonly events: number;
}

/**
 * Runs a configuration to the end (or until `maxEvents`).
 * @param onRecord - receives every trace record, in order
 */
export function runParallel(config: RunConfig, machine: MachineModel, opts: { maxEvents?: number; onRecord?: (r: ParallelRecord) => void } = {}): ParallelRun {
  const engine = new Engine(parallelModel(config, machine), 1, opts.onRecord ? (r) => opts.onRecord!(r) : undefined);
  engine.run({ maxEvents: opts.maxEvents ?? DEFAULT_MAX_EVENTS });
  return { state: engine.state, finished: isFinished(engine.state), events: engine.steps };
}

/** The `nanoscope parallel --json` document (snake_case; times in ns). */
export interface ParallelSummary {
  readonly wall_ns: number;
  readonly cpu_ns: number;
  readonly context_switches: number;
  readonly per_core: readonly { readonly busy_ns: number; readonly utilisation: number }[];
  readonly tasks: readonly { readonly id: number; readonly worker: number; readonly start_ns: number; readonly end_ns: number }[];
  readonly style: string;
  readonly workers: number;
  readonly cores: number;
  readonly gil_handoffs: number;
  readonly memory_bytes: number;
  readonly prices_ns: { readonly context_switch: number; readonly spawn: number; readonly copy_per_task: number; readonly time_slice: number; readonly switch_interval: number };
}

/** Summarises a finished run. */
export function summarize(s: ParallelState): ParallelSummary {
  const wall = s.wallNs;
  return {
    wall_ns: wall,
    cpu_ns: s.cpuNs,
    context_switches: s.contextSwitches,
    per_core: Array.from(s.coreBusy, (busy) => ({ busy_ns: busy, utilisation: wall > 0 ? busy / wall : 0 })),
    tasks: Array.from(s.taskEnd, (end, id) => ({ id, worker: s.taskWorker[id]!, start_ns: s.taskStart[id]!, end_ns: end })),
    style: s.config.style,
    workers: s.workerCount,
    cores: s.coreBusy.length,
    gil_handoffs: s.config.style === 'gil' ? s.gilSwitches : 0,
    memory_bytes: memoryOf(s.config),
    prices_ns: {
      context_switch: s.prices.contextSwitch,
      spawn: s.prices.spawn,
      copy_per_task: s.prices.copy,
      time_slice: s.prices.timeSlice,
      switch_interval: s.config.switchIntervalNs,
    },
  };
}
