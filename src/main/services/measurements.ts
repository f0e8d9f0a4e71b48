/**
 * One real measurement at a time, each in its own worker_thread. `start` answers at once with
 * a job id; progress, the result and failures arrive as HostEvents. Used by the Electron main
 * process, the browser-mode host and the CLI alike.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import {
  ApiError,
  type ApiErrorShape,
  type HostEvent,
  type MachineStamp,
  type MeasurementKind,
  type MeasurementRequest,
  type MeasurementResult,
  type OsCacheInfo,
} from '../../shared/api';
import { spreadOf, type HostLoad } from '../../shared/reliability';
import type { BigOInput, MapReduceInput, PythonInput, EventLoopInput, SimdInput, FalseSharingInput, MemoryMountainInput, PointerChaseInput, RaceInput, SpeedupInput, StartupInput, StorageLatencyInput, WorkerMessage, WorkerResult } from '../workers/protocol';
import { watchLoad } from './hostLoad';
import { machineStamp } from './machineStamp';
import { osCacheReport, type CacheReport } from './osCaches';
import { spawnWorker, workerScriptPath, type WorkerLocation } from './workers';
import { MEASUREMENT_KINDS } from '../../shared/measurementKinds';

/** Bytes of each array when a simd request gives none: L1, L2, L3-ish, RAM. */
export const SIMD_DEFAULT_SIZES = [16 * 1024, 256 * 1024, 4 * 1024 ** 2, 64 * 1024 ** 2] as const;

export interface MeasurementServiceOptions {
  readonly workers: WorkerLocation;
  readonly stamp?: () => MachineStamp;
  readonly caches?: () => Promise<OsCacheInfo[]>;
  /** Where the storage test file may go, in order; default os.tmpdir() then <cwd>/.nanoscope-tmp. */
  readonly tempDirs?: readonly string[];
  readonly storageFileBytes?: number;
}

export type HostEventListener = (event: HostEvent) => void;

interface Job {
  readonly id: string;
  readonly kind: MeasurementKind;
  readonly worker: Worker;
  readonly startedAt: Date;
  readonly t0: bigint;
  tempFile: string | null;
  /** A child process the worker waits on, killed if the job ends first (startup). */
  childPid: number | null;
  /** Ends the load watch begun when the job started: the machine's load before and after. */
  readonly load: () => HostLoad;
  /** The worker posted its result; its exit is expected now. */
  settling: boolean;
  finished: boolean;
}


/** Threads a run keeps busy itself, so its own load is not counted as the machine's. */
function ownThreads(request: MeasurementRequest): number {
  switch (request.kind) {
    case 'race':
      return request.params.workers;
    case 'speedup':
      return request.params.maxWorkers;
    case 'false-sharing':
      return 2;
    default:
      return 1;
  }
}

/** The caches and, only when a source was skipped, its notes. */
function withNotes(report: Pick<CacheReport, 'caches' | 'notes'>): { caches: OsCacheInfo[]; cacheNotes?: string[] } {
  return report.notes.length > 0 ? { caches: report.caches, cacheNotes: report.notes } : { caches: report.caches };
}

/** Kills a measurement's child process; it may already be gone. */
function killChild(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already exited and reaped.
  }
}

export class MeasurementService {
  private readonly listeners = new Set<HostEventListener>();
  private current: Job | null = null;
  private readonly past = new Set<string>();
  private counter = 0;
  private readonly stamp: () => MachineStamp;
  private readonly caches: () => Promise<Pick<CacheReport, 'caches' | 'notes'>>;

  constructor(private readonly options: MeasurementServiceOptions) {
    this.stamp = options.stamp ?? machineStamp;
    const given = options.caches;
    this.caches = given ? async () => ({ caches: await given(), notes: [] }) : () => osCacheReport();
  }

  onEvent(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The running job, if any. */
  running(): { readonly jobId: string; readonly kind: MeasurementKind } | null {
    return this.current ? { jobId: this.current.id, kind: this.current.kind } : null;
  }

  /** Starts a (validated) request; throws ApiError('busy') while another one runs. */
  start(request: MeasurementRequest): { jobId: string } {
    if (this.current) {
      throw new ApiError('busy', `a ${this.current.kind} measurement is already running (job ${this.current.id}); cancel it or wait for it to finish`);
    }
    const id = `${request.kind}-${++this.counter}-${randomBytes(3).toString('hex')}`;
    const workerName = MEASUREMENT_KINDS[request.kind].worker;
    const script = workerScriptPath(workerName, this.options.workers);
    const worker = spawnWorker(script, this.options.workers, { workerData: { worker: workerName, input: this.workerInput(request) } });
    const load = watchLoad(ownThreads(request));
    const job: Job = { id, kind: request.kind, worker, startedAt: new Date(), t0: process.hrtime.bigint(), load, tempFile: null, childPid: null, settling: false, finished: false };
    this.current = job;
    worker.on('message', (m: WorkerMessage) => this.onWorkerMessage(job, m));
    worker.on('error', (e) => this.fail(job, { code: 'failed', message: `${job.kind} worker crashed: ${e.message}` }));
    worker.on('exit', (code) => job.settling || this.fail(job, { code: 'failed', message: `${job.kind} worker exited (code ${code}) without a result` }));
    return { jobId: id };
  }

  /** Stops a running job (its worker is terminated). false for a job that already ended. */
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.current;
    if (job && job.id === jobId) {
      this.fail(job, { code: 'cancelled', message: `${job.kind} measurement cancelled` });
      return { cancelled: true };
    }
    if (this.past.has(jobId)) return { cancelled: false };
    throw new ApiError('not-found', `no measurement job "${jobId}"`);
  }

  /** Cancels whatever runs and drops all listeners; resolves when the worker is gone. */
  async dispose(): Promise<void> {
    const job = this.current;
    if (job) {
      this.fail(job, { code: 'cancelled', message: `${job.kind} measurement cancelled: the host is shutting down` });
      await job.worker.terminate().catch(() => undefined);
    }
    this.listeners.clear();
  }

  private workerInput(request: MeasurementRequest): PointerChaseInput | StorageLatencyInput | MemoryMountainInput | RaceInput | FalseSharingInput | StartupInput | SpeedupInput | SimdInput | BigOInput | EventLoopInput | PythonInput | MapReduceInput | Record<string, never> {
    switch (request.kind) {
      case 'memory-latency':
        return { maxBytes: request.params.maxBytes, repeats: request.params.repeats ?? 3, budgetMs: request.params.budgetMs ?? 60_000 };
      case 'storage-latency':
        return {
          reads: request.params.reads ?? 256,
          dirs: this.options.tempDirs ?? [tmpdir(), join(process.cwd(), '.nanoscope-tmp')],
          fileBytes: this.options.storageFileBytes ?? 64 * 1024 * 1024,
        };
      case 'mutex-latency':
        return {};
      case 'memory-mountain':
        return { maxBytes: request.params.maxBytes, strides: request.params.strides ?? [1, 2, 4, 8, 16, 32], budgetMs: request.params.budgetMs ?? 60_000 };
      case 'race':
        return { ...request.params, location: this.options.workers };
      case 'false-sharing':
        return { iterations: request.params.iterations ?? 20_000_000, location: this.options.workers };
      case 'startup':
        return { repeat: request.params.repeat ?? 15 };
      case 'event-loop':
        // Under Electron, execPath is the Electron binary; ELECTRON_RUN_AS_NODE (set by the service) makes it Node.
        return { source: request.params.source, timeoutMs: request.params.timeoutMs ?? 5000, execPath: process.execPath, nodeVersion: process.versions.node };
      case 'speedup':
        return { maxWorkers: request.params.maxWorkers, repeat: request.params.repeat ?? 3, budgetMs: request.params.budgetMs ?? 60_000, location: this.options.workers };
      case 'bigo':
        return { maxN: request.params.maxN ?? 1_024_000, repeats: request.params.repeats ?? 3, budgetMs: request.params.budgetMs ?? 60_000 };
      case 'python-gil':
      case 'python-race':
      case 'python-vector':
      case 'python-bigo':
      case 'python-dask':
        return { request };
      case 'mapreduce':
        return {
          sizeMB: request.params.sizeMB ?? 32,
          text: request.params.text ?? null,
          maxWorkers: request.params.maxWorkers ?? Math.max(1, Math.min(8, availableParallelism())),
          repeat: request.params.repeat ?? 3,
          budgetMs: request.params.budgetMs ?? 120_000,
          location: this.options.workers,
        };
      case 'simd':
        return { sizes: [...(request.params.sizes ?? SIMD_DEFAULT_SIZES)].sort((a, b) => a - b), budgetMs: request.params.budgetMs ?? 60_000 };
    }
  }

  private emit(event: HostEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // A broken listener must not stop the others or the job.
      }
    }
  }

  private finish(job: Job): boolean {
    if (job.finished) return false;
    job.finished = true;
    if (this.current === job) this.current = null;
    this.past.add(job.id);
    if (this.past.size > 1000) this.past.delete(this.past.values().next().value as string);
    if (job.tempFile) rmSync(job.tempFile, { force: true });
    if (job.childPid !== null) killChild(job.childPid);
    void job.worker.terminate().catch(() => undefined);
    return true;
  }

  private fail(job: Job, error: ApiErrorShape): void {
    if (this.finish(job)) this.emit({ type: 'measurement.failed', jobId: job.id, error });
  }

  private onWorkerMessage(job: Job, m: WorkerMessage): void {
    if (job.finished) return;
    switch (m.type) {
      case 'progress':
        this.emit({ type: 'measurement.progress', progress: { jobId: job.id, fraction: m.fraction, message: m.message } });
        return;
      case 'tempFile':
        job.tempFile = m.path;
        return;
      case 'childPid':
        job.childPid = m.pid;
        return;
      case 'error':
        this.fail(job, { code: 'failed', message: m.message });
        return;
      case 'result':
        job.settling = true;
        void this.complete(job, m.result);
        return;
    }
  }

  private async complete(job: Job, r: WorkerResult): Promise<void> {
    const wallMs = Math.round(Number(process.hrtime.bigint() - job.t0) / 1e4) / 100;
    const common = { stamp: this.stamp(), startedAt: job.startedAt.toISOString(), wallMs, spread: r.spread ?? null, ...(r.spreadFigure ? { spreadFigure: r.spreadFigure } : {}), load: job.load() };
    let result: MeasurementResult;
    try {
      switch (r.kind) {
        case 'memory-latency':
          result = { kind: r.kind, points: r.points, ...withNotes(await this.caches()), ...common };
          break;
        case 'storage-latency':
          result = { kind: r.kind, randomRead4KNs: r.randomRead4KNs, ...(r.reason ? { reason: r.reason } : {}), ...(r.path ? { path: r.path } : {}), ...common };
          break;
        case 'mutex-latency':
          result = { kind: r.kind, ns: r.ns, ...common };
          break;
        case 'memory-mountain':
          result = { kind: r.kind, elementBytes: 8, points: r.points, ...(r.chase ? { chase: r.chase } : {}), ...withNotes(await this.caches()), ...common };
          break;
        case 'race':
          result = { kind: r.kind, params: r.params, runs: r.runs, opsPerS: r.opsPerS, cores: r.cores, ...common };
          break;
        case 'false-sharing':
          result = { kind: r.kind, sameLineMs: r.sameLineMs, paddedMs: r.paddedMs, ratio: r.ratio, ...(r.paddedSpread ? { paddedSpread: r.paddedSpread } : {}), ...common };
          break;
        case 'startup':
          result = { kind: r.kind, results: r.results, notes: r.notes, ...common };
          break;
        case 'simd':
          result = { kind: r.kind, results: r.results, ...common };
          break;
        case 'bigo':
          result = { kind: r.kind, cells: r.cells, runtime: r.runtime, ...common };
          break;
        case 'event-loop':
          result = {
            kind: r.kind,
            ...r.outcome,
            runtimeVersion: r.runtimeVersion,
            stamp: common.stamp,
            startedAt: common.startedAt,
            // One run of the user's program: its wall time is the only sample.
            spread: spreadOf([r.outcome.wallMs], 'ms'),
            spreadFigure: 'ms, the program’s wall time (one run)',
            load: common.load,
          };
          break;
        case 'python':
          // The run's own spread and load (a Python child's) win over the host's defaults.
          result = { ...common, ...r.result } as MeasurementResult;
          break;
        case 'mapreduce':
          result = { ...common, ...r };
          break;
        case 'speedup': {
          const { kind, points, serialFraction, cores, workerStartMs, spawnMs, spawnCommand, io } = r;
          result = { kind, points, serialFraction, cores, workerStartMs, spawnMs, spawnCommand, io, ...common };
          break;
        }
      }
    } catch (e) {
      this.fail(job, { code: 'failed', message: `${job.kind}: ${(e as Error).message}` });
      return;
    }
    if (this.finish(job)) this.emit({ type: 'measurement.done', jobId: job.id, result });
  }
}
