/**
 * Every real measurement kind, declared once: its name (the API's `MeasurementRequest['kind']`)
 * and the worker_thread that runs it. The service (src/main/services/measurements.ts), the
 * worker envelope (src/main/workers/protocol.ts), argument validation (validateArgs.ts) and the
 * worker build inputs (electron.vite.config.ts: `workers/<worker>` from
 * src/main/workers/<camelCase worker>.ts) all read this table; `satisfies` makes the compiler
 * refuse a kind of the API without an entry here.
 */
import type { MeasurementKind } from './api';

export const MEASUREMENT_KINDS = {
  'memory-latency': { worker: 'pointer-chase' },
  'storage-latency': { worker: 'storage-latency' },
  'mutex-latency': { worker: 'mutex-latency' },
  'memory-mountain': { worker: 'memory-mountain' },
  race: { worker: 'race' },
  'false-sharing': { worker: 'false-sharing' },
  startup: { worker: 'startup' },
  speedup: { worker: 'speedup' },
  simd: { worker: 'simd' },
  bigo: { worker: 'bigo' },
  'event-loop': { worker: 'event-loop' },
  'python-gil': { worker: 'python' },
  'python-race': { worker: 'python' },
  'python-vector': { worker: 'python' },
  'python-bigo': { worker: 'python' },
  'python-dask': { worker: 'python' },
  mapreduce: { worker: 'mapreduce' },
} as const satisfies Readonly<Record<MeasurementKind, { readonly worker: string }>>;

/** A measurement worker's name: out/main/workers/<name>.js, src/main/workers/<camelName>.ts. */
export type WorkerName = (typeof MEASUREMENT_KINDS)[MeasurementKind]['worker'];

/** The kinds, in declaration order (for messages: "must be one of …"). */
export const MEASUREMENT_KIND_NAMES: readonly MeasurementKind[] = Object.keys(MEASUREMENT_KINDS).filter((k): k is MeasurementKind => k in MEASUREMENT_KINDS);

/** Every worker script, once (two kinds may share one). */
export const WORKER_NAMES: readonly WorkerName[] = [...new Set(MEASUREMENT_KIND_NAMES.map((k) => MEASUREMENT_KINDS[k].worker))];

/** The source file name of a worker: 'pointer-chase' → 'pointerChase'. */
export function workerSourceName(name: string): string {
  return name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
