/**
 * Real Python runs beside the models (issue 20): the shapes the host, the CLI and the
 * Python panels share. Field names are the CLI's JSON contract (snake_case) so that one
 * object travels unchanged from the service to `--json` and to the renderer.
 */

/** One interpreter as its probe describes it. Versions are strings, null when not installed. */
export interface PythonInfo {
  readonly found: boolean;
  /** sys.executable (an absolute path), or the path that was looked for when not found. */
  readonly executable: string | null;
  /** platform.python_version(), e.g. "3.11.7". */
  readonly version: string | null;
  /** platform.python_implementation(), e.g. "CPython". */
  readonly implementation: string | null;
  /** The GIL is off (a free-threaded build running without it; sys._is_gil_enabled() is False). */
  readonly free_threaded: boolean;
  readonly numpy: string | null;
  readonly pandas: string | null;
  readonly dask: string | null;
  /** How it was found: "NANOSCOPE_PYTHON", "--python", "python3 on PATH", "/usr/bin/python3", "py -3"… */
  readonly source?: string;
}

/** What `findPython` saw: the chosen interpreter and every candidate. */
export interface PythonSearch {
  readonly chosen: PythonInfo;
  readonly candidates: readonly PythonInfo[];
  /** What was looked for, in order (for "Python 3 was not found (looked for …)"). */
  readonly lookedFor: readonly string[];
}

/** Shared reliability shapes (issue 15). */
export type { HostLoad, Spread } from './reliability';
import type { HostLoad, Spread } from './reliability';

export type GilStyle = 'single' | 'threads' | 'processes';

export interface PythonGilResult {
  readonly python: PythonInfo;
  /** CPU-bound kernel; seconds are the median of the repeats. */
  readonly results: readonly { readonly style: GilStyle; readonly workers: number; readonly seconds: number; readonly spread: Spread }[];
  readonly speedup: { readonly threads: number; readonly processes: number };
  /** The IO-bound variant: the same waits one after another, then on N threads. */
  readonly io: {
    readonly waits: number;
    readonly wait_ms: number;
    readonly results: readonly { readonly style: 'single' | 'threads'; readonly workers: number; readonly seconds: number }[];
    readonly speedup: { readonly threads: number };
  };
  /** The kernel: `sum(i * i for i in range(n))`-style loop, total iterations split over the workers. */
  readonly kernel: { readonly iterations: number; readonly code: string };
  /** The parallel scene's model for the same worker and core counts (speed-ups over one thread). */
  readonly model: { readonly threads: number; readonly processes: number; readonly io_threads: number; readonly switch_points: string; readonly rule: string };
  readonly cores: number;
  readonly load: HostLoad;
  readonly wall_ms: number;
}

export interface PythonRaceResult {
  readonly python: PythonInfo;
  readonly variant: 'seed' | 'call';
  readonly iterations: number;
  /** final: lst[0] at the end; lost: |final| (the cell expects 0), a lower bound on updates lost. */
  readonly runs: readonly { readonly final: number; readonly lost: number; readonly seconds: number }[];
  readonly model: {
    readonly switch_points: string;
    readonly predicted_lost_possible: boolean;
    readonly switch_after: readonly number[];
    readonly reason: string;
    readonly rule: string;
  };
  /** The cell as it ran (the tutorial's, verbatim, for seed). */
  readonly code: string;
  /** The cell's own printed lines (checkpoints), at most 200. */
  readonly printed: readonly string[];
  readonly spread: Spread;
  readonly load: HostLoad;
  readonly wall_ms: number;
}

export type VectorImpl = 'loop' | 'numpy' | 'pandas-apply' | 'pandas-vectorized';

export interface PythonVectorResult {
  readonly python: PythonInfo;
  /** y = 2.5 * x + 1.0 over n float64 values; bytes moved per element: 8 read + 8 written. */
  readonly results: readonly { readonly impl: VectorImpl; readonly n: number; readonly seconds: number; readonly gbps: number; readonly checksum: number; readonly spread: Spread }[];
  /** seconds(loop) / seconds(impl). */
  readonly vs_loop: Readonly<Partial<Record<VectorImpl, number>>>;
  readonly missing: readonly string[];
  readonly load: HostLoad;
  readonly wall_ms: number;
}

export interface PythonBigOResult {
  readonly python: PythonInfo;
  /** sys.getsizeof after each of `appends` list.append calls on an empty list. */
  readonly list_sizes: readonly number[];
  /** Same for deque.append. */
  readonly deque_sizes: readonly number[];
  /** Seconds per operation at each n. */
  readonly ops: readonly { readonly op: string; readonly n: number; readonly seconds_per_op: number }[];
  /** sys.getsizeof after every op of {@link BIGO_PROGRAM}, per structure (the Big O scene's model runs the same ops). */
  readonly program_sizes: { readonly list: readonly number[]; readonly deque: readonly number[] };
  readonly load: HostLoad;
  readonly wall_ms: number;
}

/**
 * The fixed ops whose `sys.getsizeof` the Big O panel compares with the scene's model, op by op:
 * growth and shrinking of a list (both ends), a deque opening and freeing blocks at both ends.
 * Names are the model's (src/sim/bigo/structures.ts); pops never outnumber the items held.
 */
export const BIGO_PROGRAM = {
  list: [
    { op: 'append', count: 64 },
    { op: 'pop', count: 52 },
    { op: 'insert0', count: 36 },
    { op: 'pop0', count: 48 },
  ],
  deque: [
    { op: 'append', count: 100 },
    { op: 'appendleft', count: 80 },
    { op: 'pop', count: 150 },
    { op: 'popleft', count: 30 },
  ],
} as const satisfies Record<'list' | 'deque', readonly { op: string; count: number }[]>;

export interface PythonDaskResult {
  readonly python: PythonInfo;
  readonly records: number;
  readonly words: number;
  readonly distinct: number;
  readonly top: readonly { readonly word: string; readonly count: number }[];
  readonly seconds: number;
  readonly partitions: number;
  readonly load: HostLoad;
  readonly wall_ms: number;
}

/** Bounds of every Python run's parameters (checked before the work, by validateArgs and the CLI). */
export const PYTHON_LIMITS = {
  path: { maxChars: 4096 },
  budgetMs: { min: 1000, max: 600_000, default: 120_000 },
  race: { iterations: { min: 1, max: 10_000_000, default: 1_000_000 }, repeat: { min: 1, max: 20, default: 3 } },
  gil: { iterations: { min: 10_000, max: 100_000_000, default: 3_000_000 }, workers: { min: 1, max: 16 }, repeat: { min: 1, max: 10, default: 3 } },
  vector: { n: { min: 1000, max: 5_000_000, default: 1_000_000 }, repeat: { min: 1, max: 10, default: 3 } },
  bigo: { size: { min: 10, max: 1_000_000 }, sizes: { max: 6, default: [1000, 10_000, 100_000] }, ops: { min: 1, max: 10_000, default: 1000 }, appends: { min: 1, max: 1000, default: 64 } },
  dask: { fileBytes: { max: 64 * 1024 * 1024 }, textChars: 4 * 1024 * 1024, blocksize: 256 * 1024, sizeMB: { min: 1, max: 64 } },
} as const;

export type PythonMeasureKind = 'python-gil' | 'python-race' | 'python-vector' | 'python-bigo' | 'python-dask';

/** Every Python run may name the interpreter (an absolute path the user set); otherwise the preferred one. */
export interface PythonRunCommon {
  readonly python?: string;
  readonly budgetMs?: number;
}
export interface PythonRaceParams extends PythonRunCommon {
  readonly variant: 'seed' | 'call';
  readonly iterations?: number;
  readonly repeat?: number;
}
export interface PythonGilParams extends PythonRunCommon {
  readonly iterations?: number;
  /** Default min(cores, 4). */
  readonly workers?: number;
  readonly repeat?: number;
}
export interface PythonVectorParams extends PythonRunCommon {
  readonly n?: number;
  readonly repeat?: number;
}
export interface PythonBigOParams extends PythonRunCommon {
  readonly sizes?: readonly number[];
  readonly ops?: number;
  readonly appends?: number;
}
export interface PythonDaskParams extends PythonRunCommon {
  /** A text file on the host (CLI) — at most 64 MiB. */
  readonly input?: string;
  /** Or the text itself (the app), at most 4 MiB. */
  readonly text?: string;
  /** Or the distributed scene's generated text of this many MB (10^6 bytes), 1..64 — the one its worker_threads run counts. */
  readonly sizeMB?: number;
}
