/**
 * The typed contract between the renderer and its host. The Electron preload and the
 * browser-mode HTTP host implement exactly this; the renderer cannot tell them apart.
 * Arguments are validated by `validateArgs` (same code, same messages, in both hosts).
 */

import type {
  PythonBigOParams,
  PythonBigOResult,
  PythonDaskParams,
  PythonDaskResult,
  PythonGilParams,
  PythonGilResult,
  PythonRaceParams,
  PythonRaceResult,
  PythonSearch,
  PythonVectorParams,
  PythonVectorResult,
} from './python';

/** Error codes every host uses; HTTP status in browser mode in brackets. */
export type ApiErrorCode =
  | 'bad-request' // [400] arguments failed validation
  | 'not-found' // [404] unknown method or job
  | 'busy' // [409] a real measurement is already running
  | 'cancelled' // [499] the job was cancelled
  | 'unsupported' // [501] capability missing in this mode
  | 'forbidden' // [403] a real run of code the user has not confirmed (see "Security model" in README)
  | 'failed'; // [500] the measurement or service failed

export interface ApiErrorShape {
  readonly code: ApiErrorCode;
  readonly message: string;
}

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  'bad-request': 400,
  'not-found': 404,
  busy: 409,
  cancelled: 499,
  unsupported: 501,
  forbidden: 403,
  failed: 500,
};

/** Thrown by every API method in the renderer, whatever the host. */
export class ApiError extends Error implements ApiErrorShape {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

export type HostMode = 'desktop' | 'browser';

/** What the user's machine is; stamped on every real measurement. */
export type { HostLoad, Spread } from './reliability';
import type { HostLoad, Spread } from './reliability';

/** What every real run's result carries about its own trustworthiness (issue 15). */
export interface Reliability {
  /** Min–median–max of the repeats behind the headline figure. */
  readonly spread?: Spread | null;
  /** Which figure `spread` is about, in words ("ns per load at 256 MiB"). */
  readonly spreadFigure?: string;
  /** The machine's load before and after the run. */
  readonly load?: HostLoad;
}

export interface MachineStamp {
  readonly cpuModel: string;
  readonly cores: number;
  /** Nominal clock of core 0 in MHz as the OS reports it (0 when unknown). */
  readonly cpuMHz: number;
  readonly os: string; // e.g. "Linux 6.1.0 x64"
  readonly runtime: string; // e.g. "Node 20.20.2 (V8 11.3)" or "Electron 45.4.1 (Node 22…)"
  readonly totalMemoryBytes: number;
}

export interface Capabilities {
  /** Native save/open dialogs (desktop). Browser fallback: downloads and file inputs. */
  readonly nativeDialogs: boolean;
  /** An application menu that sends `menu.command` events (desktop). */
  readonly appMenu: boolean;
  /** The OS keeps a recent-documents list (desktop); the renderer keeps its own list in both modes. */
  readonly recentFiles: boolean;
}

export interface HostInfo {
  readonly mode: HostMode;
  readonly version: string; // Nanoscope's version
  readonly machine: MachineStamp;
  readonly capabilities: Capabilities;
}

/** A cache as the OS describes it (Linux sysfs), `level` 1.., `type` as sysfs names it. */
export interface OsCacheInfo {
  readonly level: number;
  readonly type: 'Data' | 'Instruction' | 'Unified';
  readonly bytes: number;
  readonly ways?: number;
  readonly lineBytes?: number;
  /** How many logical CPUs share it. */
  readonly sharedBy?: number;
  /** Which source reported it: "Linux sysfs", "getconf", "lscpu -C", "macOS sysctl", "Windows Win32_CacheMemory". */
  readonly source?: string;
}

// ---- Real measurements -------------------------------------------------------------

export interface MemoryLatencyParams {
  /** Largest working set; sets are every power of two from 4 KiB to this. 4096..2^31. */
  readonly maxBytes: number;
  /** Repetitions per working set; the best is kept. 1..9, default 3. */
  readonly repeats?: number;
  /** Wall-clock budget in ms; the run stops (budget error) past it. Default 60000. */
  readonly budgetMs?: number;
}

export interface MemoryLatencyPoint {
  readonly bytes: number;
  /** Best-of-repeats nanoseconds per dependent load (per repeat, the smaller of wall and process CPU time). */
  readonly ns: number;
  /** Min–median–max of the repeats, ns per load. */
  readonly spread?: Spread;
  /** Best repeat by the wall clock alone (`ns` uses the process's CPU time where that is less: time spent descheduled is left out). */
  readonly wallNs?: number;
}

export interface MemoryLatencyResult extends Reliability {
  readonly kind: 'memory-latency';
  readonly points: readonly MemoryLatencyPoint[];
  readonly caches: readonly OsCacheInfo[];
  /** Why cache sources were skipped (garbage, switched off by NANOSCOPE_CACHE_SOURCES); absent when none was. */
  readonly cacheNotes?: readonly string[];
  readonly stamp: MachineStamp;
  readonly startedAt: string; // ISO time
  readonly wallMs: number;
}

export interface StorageLatencyParams {
  /** Random 4 KiB reads to time. 16..4096, default 256. */
  readonly reads?: number;
}

export interface StorageLatencyResult extends Reliability {
  readonly kind: 'storage-latency';
  /** Median ns per random 4 KiB read bypassing the page cache, or null when not measurable. */
  readonly randomRead4KNs: number | null;
  /** Why it could not be measured (e.g. "O_DIRECT not supported on tmpfs"). */
  readonly reason?: string;
  readonly path?: string;
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

export interface MutexLatencyResult extends Reliability {
  readonly kind: 'mutex-latency';
  /** Uncontended lock+unlock with Atomics on a SharedArrayBuffer, ns per pair. */
  readonly ns: number;
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

// Memory mountain (scene: memory hierarchy) — read bandwidth over working set × stride.
export interface MemoryMountainParams {
  /** Largest working set; every power of two from 4 KiB to this. 4096..2^31. */
  readonly maxBytes: number;
  /** Strides in 8-byte elements, each 1..64; default 1, 2, 4, 8, 16, 32. */
  readonly strides?: readonly number[];
  /** Wall-clock budget in ms (1000..600000); default 60000. */
  readonly budgetMs?: number;
}

export interface MemoryMountainPoint {
  readonly bytes: number;
  /** Stride in 8-byte elements. */
  readonly stride: number;
  /** Read bandwidth, GB/s (10^9 bytes of data actually read per second). */
  readonly gbPerS: number;
}

export interface MemoryMountainResult extends Reliability {
  readonly kind: 'memory-mountain';
  readonly elementBytes: number;
  readonly points: readonly MemoryMountainPoint[];
  /** A quick pointer chase run beside the mountain (to 64 MiB): the prediction's latencies, and its levels where the OS reports none. */
  readonly chase?: readonly MemoryLatencyPoint[];
  readonly caches: readonly OsCacheInfo[];
  /** Why cache sources were skipped (garbage, switched off by NANOSCOPE_CACHE_SOURCES); absent when none was. */
  readonly cacheNotes?: readonly string[];
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

// Threads racing on a SharedArrayBuffer (scene: threads).
export type RaceStrategy = 'plain' | 'atomic' | 'cas' | 'mutex' | 'incdec';

export interface RaceParams {
  /** 1..64 worker_threads. */
  readonly workers: number;
  /** Increments per worker, 1..100000000. */
  readonly iterations: number;
  readonly strategy: RaceStrategy;
  /** Repetitions, 1..100. */
  readonly repeat: number;
}

export interface RaceRun {
  readonly final: number;
  readonly expected: number;
  /** |expected − final|: updates lost to the race. */
  readonly lost: number;
  readonly ms: number;
  /** CAS strategy: failed compareExchange attempts. */
  readonly retries?: number;
}

export interface RaceResult extends Reliability {
  readonly kind: 'race';
  readonly params: RaceParams;
  readonly runs: readonly RaceRun[];
  readonly opsPerS: number;
  readonly cores: number;
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

export interface FalseSharingParams {
  /** Increments per worker, 1..100000000; default 20000000. */
  readonly iterations?: number;
}

export interface FalseSharingResult extends Reliability {
  readonly kind: 'false-sharing';
  readonly sameLineMs: number;
  readonly paddedMs: number;
  /** sameLineMs / paddedMs. */
  readonly ratio: number;
  /** Min–median–max of the padded runs (the same-line runs are the result's `spread`). */
  readonly paddedSpread?: Spread | null;
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

// Parallel speedup (scene: processes in parallel) — a CPU-bound kernel over 1..N worker_threads.
export interface SpeedupParams {
  /** Largest number of workers, 1..64; every count from 1 to this is measured. */
  readonly maxWorkers: number;
  /** Repetitions per worker count, 1..20 (the best is kept); default 3. */
  readonly repeat?: number;
  /** Wall-clock budget in ms (1000..600000); default 60000. */
  readonly budgetMs?: number;
}

export interface SpeedupPoint {
  readonly workers: number;
  readonly seconds: number;
  /** seconds(1 worker) / seconds(this many). */
  readonly speedup: number;
  /** speedup / workers. */
  readonly efficiency: number;
  /** Min–median–max of the repeats at this worker count, seconds. */
  readonly spread?: Spread | null;
}

export interface SpeedupResult extends Reliability {
  readonly kind: 'speedup';
  readonly points: readonly SpeedupPoint[];
  /** Amdahl's serial fraction fitted to the points (least squares), 0..1. */
  readonly serialFraction: number;
  readonly cores: number;
  /** Median ms to start a worker_thread and see it exit. */
  readonly workerStartMs: number;
  /** Median ms to spawn and reap a child process. */
  readonly spawnMs: number;
  /** The command spawnMs timed: /bin/true where it exists, else the runtime with `-e 0`. */
  readonly spawnCommand?: string;
  /** IO-bound variant: the same number of timer waits at each concurrency, on one thread. */
  readonly io: readonly { readonly concurrency: number; readonly seconds: number }[];
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

// Start-up costs (scene: VMs vs containers vs functions).
export type StartupKind = 'call' | 'worker' | 'process' | 'runtime';

export interface StartupParams {
  /** Repetitions per kind, 3..200; default 15. */
  readonly repeat?: number;
}

export interface StartupResult extends Reliability {
  readonly kind: 'startup';
  readonly results: readonly { readonly kind: StartupKind; readonly medianMs: number; readonly p90Ms: number; readonly samples: number; readonly spread?: Spread | null }[];
  /** What else the machine could start (a container runtime, a hypervisor) and whether it was measured. */
  readonly notes: readonly string[];
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

// Vectorization (scene: simd) — wasm scalar and f32x4 kernels against JS loops, L1 to RAM.
export type SimdImpl = 'js-loop' | 'js-map' | 'wasm-scalar' | 'wasm-simd';
export type SimdMeasuredKernel = 'sum' | 'saxpy';

export interface SimdMeasureParams {
  /** Bytes of each array (a multiple of 4, 64..268435456), at most 8; default 16 KiB, 256 KiB, 4 MiB, 64 MiB. */
  readonly sizes?: readonly number[];
  /** Wall-clock budget in ms (1000..600000); default 60000. */
  readonly budgetMs?: number;
}

export interface SimdMeasurement {
  readonly kernel: SimdMeasuredKernel;
  readonly impl: SimdImpl;
  /** Bytes of each array (sum reads one, saxpy z = a·x + y reads two and writes one). */
  readonly bytes: number;
  /** float32 elements per array. */
  readonly n: number;
  /** Bytes loaded and stored by one call. */
  readonly bytesMoved: number;
  /** Best ms per call. */
  readonly ms: number;
  /** bytesMoved / s / 10⁹. */
  readonly gbps: number;
  /** The sum (sum) or Σz in float64 (saxpy). */
  readonly checksum: number;
  /** The float64 reference the checksum is compared with, and the tolerance (10⁻⁶ × Σ|terms|). */
  readonly reference: number;
  readonly tolerance: number;
  readonly agrees: boolean;
  /** Min–median–max ms per call of the 3 timed batches. */
  readonly spread?: Spread | null;
}

export interface SimdResult extends Reliability {
  readonly kind: 'simd';
  readonly results: readonly SimdMeasurement[];
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

// The Big O (scene: big-o) — JavaScript's own structures timed over n = 10³…10⁶ (doubling).
/** A cell: push/unshift/shift on an Array, a ring-buffer deque, string += vs join, anagram by sort vs count. */
export type BigOMeasuredCell = 'push' | 'unshift' | 'shift' | 'ring-deque' | 'string-concat' | 'string-join' | 'anagram-sort' | 'anagram-count';

export interface BigOMeasureParams {
  /** Largest n (1000..2000000); n runs 1000, 2000, 4000, … up to it. Default 1024000. */
  readonly maxN?: number;
  /** Runs of each point (1..15); default 3. */
  readonly repeats?: number;
  /** Wall-clock budget in ms (1000..600000); default 60000. */
  readonly budgetMs?: number;
}

/** The shared reliability shapes (issue 15), under the names the Big O run uses. */
export type RunSpread = Spread;
export type RunLoad = HostLoad;

export interface BigOMeasuredPoint {
  readonly n: number;
  /** Median ms of the whole task (n operations). */
  readonly ms: number;
  readonly spread: RunSpread;
  /** The cell's checksum, and whether it equals the one worked out for n. */
  readonly checksum: number;
  readonly agrees: boolean;
}

export interface BigOMeasuredCellResult {
  readonly cell: BigOMeasuredCell;
  readonly points: readonly BigOMeasuredPoint[];
  /** Fitted log-log slope of ms against n over the points with n ≥ largest n / 16 and ≥ 0.01 ms; null with fewer than 2. */
  readonly slope: number | null;
  /** The model's slope for the same operation in CPython (from src/sim/bigo). */
  readonly modelSlope: number;
  /** Why doubling stopped before maxN (a run took too long), or null. */
  readonly stoppedAt: string | null;
  /** Where V8 and the CPython model differ, in plain words, or null. */
  readonly note: string | null;
}

export interface BigOResult extends Reliability {
  readonly kind: 'bigo';
  readonly cells: readonly BigOMeasuredCellResult[];
  readonly load: RunLoad;
  readonly runtime: string;
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

// The event loop (scene: the event loop) — the user's program run for real, isolated.
export interface EventLoopRealParams {
  /** The program (a CommonJS script), at most 20,000 characters. */
  readonly source: string;
  /** Only node runs in the host; the browser runtime runs in the renderer's sandbox. */
  readonly runtime: 'node';
  /** Wall-clock budget, ms (default 5000). */
  readonly timeoutMs?: number;
  /**
   * The user's consent: true only when the user typed this code in the app or confirmed the
   * trust dialog that showed it. Without it the host refuses the run (403 `forbidden`).
   */
  readonly confirmed?: boolean;
}

/** Which isolation layers a real run had (README, "Security model"). */
export interface SandboxLayers {
  /** The program ran inside a fresh vm context with only primitives crossing its bridge. */
  readonly context: boolean;
  /** Node's permission model (reads only in the run's temporary directory, no writes/spawn). */
  readonly permissionModel: boolean;
  /** Its own session and process group. */
  readonly ownSession: boolean;
  /** Linux namespaces it ran in: e.g. ["user", "network", "pid"]; [] when none. */
  readonly namespaces: readonly string[];
  /** The OS sandbox used: Linux `unshare`, macOS `sandbox-exec`, or none. */
  readonly osSandbox?: 'unshare' | 'sandbox-exec' | null;
  /** Plain words on what is missing here, or null. */
  readonly note: string | null;
}

/** What the instrument recorded, with real timestamps (ms since the program started). */
export type EventLoopRealEvent =
  | { readonly kind: 'log'; readonly stream: 'stdout' | 'stderr'; readonly line: number; readonly tMs: number }
  | { readonly kind: 'schedule' | 'enter' | 'exit'; readonly api: string; readonly id: number; readonly tMs: number };

/** How a real run ended. */
export interface EventLoopRealOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** Why the host stopped it, if it did. */
  readonly stopped: 'time' | 'memory' | 'output' | null;
  /** A sentence for the user when stopped. */
  readonly message: string | null;
  readonly events: readonly EventLoopRealEvent[];
  readonly wallMs: number;
  /** The temporary directory the copy ran in (removed afterwards). */
  readonly tempDir: string;
  /** The isolation layers this run had. */
  readonly sandbox?: SandboxLayers;
  /** The highest resident memory the watchdog saw, bytes (0 where it cannot see). */
  readonly peakRssBytes?: number;
}

export interface EventLoopRealResult extends EventLoopRealOutcome, Reliability {
  readonly kind: 'event-loop';
  readonly runtimeVersion: string;
  readonly stamp: MachineStamp;
  readonly startedAt: string;
}

// Word count MapReduce for real (scene: beyond one machine) — worker_threads as mappers and reducers.
export interface MapReduceParams {
  /** Size of the generated text, MB (10^6 bytes), 1..64; default 32. Ignored when `text` is given. */
  readonly sizeMB?: number;
  /** A user-chosen text instead of the generated one (at most 16 Mi characters, UTF-8 encoded). */
  readonly text?: string;
  /** Largest worker count, 1..16; 1, 2, 4… up to it are measured (default: this machine's cores, at most 8). */
  readonly maxWorkers?: number;
  /** Timed repeats per configuration, 1..10; default 3. */
  readonly repeat?: number;
  /** Wall-clock budget in ms (1000..600000); default 120000. */
  readonly budgetMs?: number;
}

export interface MapReducePoint {
  /** Mappers = reducers = workers. */
  readonly workers: number;
  readonly combiner: boolean;
  /** Median seconds of each phase. */
  readonly mapS: number;
  readonly shuffleS: number;
  readonly reduceS: number;
  /** Whole job (map + shuffle + reduce), seconds. */
  readonly spread: Spread;
  /** Records and bytes the reducers received, counted from the real bytes. */
  readonly shuffleRecords: number;
  readonly shuffleBytes: number;
  /** The same figures from the data-flow model (src/sim/distributed/wordcount.ts). */
  readonly modelRecords: number;
  readonly modelBytes: number;
  readonly distinctWords: number;
  /** Median seconds at 1 worker / median seconds here (same combiner setting). */
  readonly speedup: number;
  /** The cluster model's speedup for one machine with this machine's cores. */
  readonly modelSpeedup: number;
}

export interface MapReduceResult extends Reliability {
  readonly kind: 'mapreduce';
  readonly source: 'generated' | 'text';
  readonly inputBytes: number;
  readonly inputLines: number;
  readonly totalWords: number;
  readonly points: readonly MapReducePoint[];
  readonly cores: number;
  readonly load: HostLoad;
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}

export type MeasurementRequest =
  | { readonly kind: 'memory-latency'; readonly params: MemoryLatencyParams }
  | { readonly kind: 'storage-latency'; readonly params: StorageLatencyParams }
  | { readonly kind: 'mutex-latency'; readonly params: Record<string, never> }
  | { readonly kind: 'memory-mountain'; readonly params: MemoryMountainParams }
  | { readonly kind: 'race'; readonly params: RaceParams }
  | { readonly kind: 'false-sharing'; readonly params: FalseSharingParams }
  | { readonly kind: 'speedup'; readonly params: SpeedupParams }
  | { readonly kind: 'startup'; readonly params: StartupParams }
  | { readonly kind: 'simd'; readonly params: SimdMeasureParams }
  | { readonly kind: 'bigo'; readonly params: BigOMeasureParams }
  | { readonly kind: 'event-loop'; readonly params: EventLoopRealParams }
  | { readonly kind: 'python-gil'; readonly params: PythonGilParams }
  | { readonly kind: 'python-race'; readonly params: PythonRaceParams }
  | { readonly kind: 'python-vector'; readonly params: PythonVectorParams }
  | { readonly kind: 'python-bigo'; readonly params: PythonBigOParams }
  | { readonly kind: 'python-dask'; readonly params: PythonDaskParams }
  | { readonly kind: 'mapreduce'; readonly params: MapReduceParams };

export type MeasurementResult =
  | MemoryLatencyResult
  | StorageLatencyResult
  | MutexLatencyResult
  | MemoryMountainResult
  | RaceResult
  | FalseSharingResult
  | SpeedupResult
  | StartupResult
  | SimdResult
  | BigOResult
  | EventLoopRealResult
  | PythonMeasurementResult
  | MapReduceResult;
export type MeasurementKind = MeasurementRequest['kind'];

/** What every host-side run adds to a Python result. */
interface RunContext extends Reliability {
  readonly stamp: MachineStamp;
  readonly startedAt: string;
  readonly wallMs: number;
}
/** A Python run (issue 20): the shapes of src/shared/python.ts, tagged with their kind. */
export type PythonMeasurementResult =
  | (PythonGilResult & RunContext & { readonly kind: 'python-gil' })
  | (PythonRaceResult & RunContext & { readonly kind: 'python-race' })
  | (PythonVectorResult & RunContext & { readonly kind: 'python-vector' })
  | (PythonBigOResult & RunContext & { readonly kind: 'python-bigo' })
  | (PythonDaskResult & RunContext & { readonly kind: 'python-dask' });

export interface MeasurementProgress {
  readonly jobId: string;
  /** 0..1 */
  readonly fraction: number;
  readonly message: string;
}

/** Events pushed from host to renderer (IPC events / server-sent events). */
export type HostEvent =
  | { readonly type: 'measurement.progress'; readonly progress: MeasurementProgress }
  | { readonly type: 'measurement.done'; readonly jobId: string; readonly result: MeasurementResult }
  | { readonly type: 'measurement.failed'; readonly jobId: string; readonly error: ApiErrorShape }
  | { readonly type: 'menu.command'; readonly commandId: string };

// ---- Files (optional capability) ---------------------------------------------------

export interface SaveFileRequest {
  readonly suggestedName: string;
  /** UTF-8 text or base64 when `encoding` is base64. */
  readonly data: string;
  readonly encoding?: 'utf8' | 'base64';
  readonly filters?: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}

export interface SaveFileResult {
  /** null when the user cancelled the dialog. */
  readonly path: string | null;
}

export interface OpenFileRequest {
  readonly filters?: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}

/** The chosen file as UTF-8 text (at most 1 MiB); `path: null` when the user cancelled. */
export interface OpenFileResult {
  readonly path: string | null;
  readonly name?: string;
  readonly text?: string;
}

/**
 * Every request/response method of the contract. `startMeasurement` returns at once with a
 * job id; progress and the result arrive as HostEvents. One real measurement at a time:
 * a second start while one runs fails with `busy`.
 */
export interface ApiMethods {
  hostInfo: { args: []; result: HostInfo };
  osCaches: { args: []; result: OsCacheInfo[] };
  startMeasurement: { args: [MeasurementRequest]; result: { jobId: string } };
  cancelMeasurement: { args: [jobId: string]; result: { cancelled: boolean } };
  saveFile: { args: [SaveFileRequest]; result: SaveFileResult };
  /** Optional capability `nativeDialogs`: an open dialog (desktop); unsupported in browser mode. */
  openFile: { args: [OpenFileRequest]; result: OpenFileResult };
  /** The Python interpreters on this machine and the preferred one; `path` probes only that one (issue 20). */
  findPython: { args: [{ readonly path?: string }]; result: PythonSearch };
}

export type ApiMethodName = keyof ApiMethods;
export const API_METHODS: readonly ApiMethodName[] = [
  'hostInfo',
  'osCaches',
  'startMeasurement',
  'cancelMeasurement',
  'saveFile',
  'openFile',
  'findPython',
];

/** The object the renderer uses (window.nanoscope in desktop mode, an HTTP client in browser mode). */
export type NanoscopeApi = {
  readonly [M in ApiMethodName]: (...args: ApiMethods[M]['args']) => Promise<ApiMethods[M]['result']>;
} & {
  /** Subscribe to host events; returns the unsubscribe function. */
  readonly onEvent: (listener: (event: HostEvent) => void) => () => void;
};

/** IPC channel names (desktop) and HTTP paths (browser): `/api/<method>`, events at `/api/events`. */
export const IPC_INVOKE_PREFIX = 'nanoscope:';
export const IPC_EVENT_CHANNEL = 'nanoscope:event';
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
