/** Messages between a measurement worker and MeasurementService. */
import type { WorkerName } from '../../shared/measurementKinds';
import type { BigOMeasuredCellResult, MapReduceResult, RunLoad, EventLoopRealOutcome, SimdMeasurement, MemoryLatencyPoint, MemoryMountainPoint, RaceParams, RaceRun, RaceStrategy, SpeedupPoint, StartupResult } from '../../shared/api';
import type { WorkerLocation } from '../services/workers';
import type { PythonMeasurementResult } from '../../shared/api';
import type { Spread } from '../../shared/reliability';

/** Message prefix of a budget error; the CLI maps it to exit code 3. */
export const BUDGET_EXCEEDED = 'budget exceeded';

export type WorkerMessage =
  | { readonly type: 'progress'; readonly fraction: number; readonly message: string }
  /** A temp file the service must delete if the worker is terminated before it can. */
  | { readonly type: 'tempFile'; readonly path: string | null }
  /** The child process a worker is waiting on (null: none); the service kills it on cancel. */
  | { readonly type: 'childPid'; readonly pid: number | null }
  | { readonly type: 'result'; readonly result: WorkerResult }
  | { readonly type: 'error'; readonly budget: boolean; readonly message: string };

/** What a worker says about its figure's repeats (issue 15): the spread, and which figure it is. */
export interface WorkerSpread {
  readonly spread?: Spread | null;
  readonly spreadFigure?: string;
}

export type WorkerResult = WorkerSpread &
  (  | { readonly kind: 'memory-latency'; readonly points: MemoryLatencyPoint[]; readonly checksum: number }
  | { readonly kind: 'storage-latency'; readonly randomRead4KNs: number | null; readonly reason?: string; readonly path?: string }
  | { readonly kind: 'mutex-latency'; readonly ns: number }
  | { readonly kind: 'memory-mountain'; readonly points: MemoryMountainPoint[]; readonly chase?: MemoryLatencyPoint[]; readonly checksum: number }
  | { readonly kind: 'race'; readonly params: RaceParams; readonly runs: RaceRun[]; readonly opsPerS: number; readonly cores: number }
  | { readonly kind: 'false-sharing'; readonly sameLineMs: number; readonly paddedMs: number; readonly ratio: number; readonly paddedSpread?: Spread | null }
  | { readonly kind: 'startup'; readonly results: StartupResult['results']; readonly notes: readonly string[] }
  | { readonly kind: 'simd'; readonly results: SimdMeasurement[] }
  | { readonly kind: 'bigo'; readonly cells: BigOMeasuredCellResult[]; readonly load: RunLoad; readonly runtime: string }
  | { readonly kind: 'event-loop'; readonly outcome: EventLoopRealOutcome; readonly runtimeVersion: string }
  /** A Python run: the result without the host's stamp (added by the service). */
  | { readonly kind: 'python'; readonly result: DistributiveOmit<PythonMeasurementResult, 'stamp' | 'startedAt' | 'wallMs'> }
  | Omit<MapReduceResult, 'stamp' | 'startedAt' | 'wallMs'>
  | {
      readonly kind: 'speedup';
      readonly points: SpeedupPoint[];
      readonly serialFraction: number;
      readonly cores: number;
      readonly workerStartMs: number;
      readonly spawnMs: number;
      readonly spawnCommand: string;
      readonly io: { readonly concurrency: number; readonly seconds: number }[];
      }
  );

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A Python run: the (validated) request, run by the python worker through services/python. */
export interface PythonInput {
  readonly request: PythonRequest;
}
export type PythonRequest = Extract<import('../../shared/api').MeasurementRequest, { kind: `python-${string}` }>;

export interface EventLoopInput {
  readonly source: string;
  readonly timeoutMs: number;
  readonly execPath: string;
  readonly nodeVersion: string;
}

export interface PointerChaseInput {
  readonly maxBytes: number;
  readonly repeats: number;
  readonly budgetMs: number;
}

export interface MemoryMountainInput {
  readonly maxBytes: number;
  /** Strides in 8-byte elements. */
  readonly strides: readonly number[];
  readonly budgetMs: number;
}

export interface RaceInput {
  readonly workers: number;
  readonly iterations: number;
  readonly strategy: RaceStrategy;
  readonly repeat: number;
  /** Where the coordinator finds its own script, to start the racing threads from it. */
  readonly location: WorkerLocation;
}

export interface FalseSharingInput {
  readonly iterations: number;
  readonly location: WorkerLocation;
}

export interface SpeedupInput {
  readonly maxWorkers: number;
  readonly repeat: number;
  readonly budgetMs: number;
  /** Where the coordinator finds its own script, to start the crew from it. */
  readonly location: WorkerLocation;
}

export interface MapReduceInput {
  readonly sizeMB: number;
  /** A user-chosen text, or null for the generated one. */
  readonly text: string | null;
  readonly maxWorkers: number;
  readonly repeat: number;
  readonly budgetMs: number;
  /** Where the coordinator finds its own script, to start the mapper/reducer threads from it. */
  readonly location: WorkerLocation;
}

export interface SimdInput {
  /** Bytes of each array, ascending. */
  readonly sizes: readonly number[];
  readonly budgetMs: number;
}

export interface BigOInput {
  readonly maxN: number;
  readonly repeats: number;
  readonly budgetMs: number;
}

export interface StartupInput {
  /** Samples per kind. */
  readonly repeat: number;
}

export interface StorageLatencyInput {
  readonly reads: number;
  /** Directories to try for the temp file, in order (the first on a real disk wins). */
  readonly dirs: readonly string[];
  readonly fileBytes: number;
}

/**
 * workerData of every measurement worker. The entry code runs only when `worker` names
 * it, so importing a worker module for its helpers (from the CLI, or a test that itself runs
 * in a worker_thread) never starts a measurement.
 */
export interface WorkerEnvelope<T> {
  readonly worker: WorkerName;
  readonly input: T;
}

export function envelopeFor<T>(name: WorkerEnvelope<T>['worker'], data: unknown): T | undefined {
  const env = data as Partial<WorkerEnvelope<T>> | null | undefined;
  return env && typeof env === 'object' && env.worker === name ? (env.input as T) : undefined;
}
