/**
 * Real measurements on the user's machine, through the host API. One at a time; the
 * animation pauses while one runs; the user can cancel; leaving the scene cancels.
 * Results are kept in localStorage so "this machine" survives a reload.
 */
import { getApi } from '../api/client';
import { ApiError, type HostEvent, type MeasurementRequest, type MeasurementResult } from '../../shared/api';
import { store } from '../state/store';
import { pause } from './playback';

const STORAGE_KEY = 'nanoscope.measurements.v1';

interface Waiter {
  resolve: (result: MeasurementResult) => void;
  reject: (error: ApiError) => void;
}

const waiters = new Map<string, Waiter>();
let cancelled = false;

function onHostEvent(event: HostEvent): void {
  if (event.type === 'measurement.progress') {
    const job = store.getState().job;
    if (job && job.jobId === event.progress.jobId) store.setState({ job: { ...job, progress: event.progress } });
  } else if (event.type === 'measurement.done') {
    waiters.get(event.jobId)?.resolve(event.result);
    waiters.delete(event.jobId);
  } else if (event.type === 'measurement.failed') {
    waiters.get(event.jobId)?.reject(new ApiError(event.error.code, event.error.message));
    waiters.delete(event.jobId);
  }
}

function persist(): void {
  const { memory, storage, mutex } = store.getState();
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ memory, storage, mutex }));
  } catch {
    // Not fatal: results stay for this page.
  }
}

/** Subscribes to host events and restores saved results. Call once at start-up. */
export function initMeasurements(): void {
  getApi().onEvent(onHostEvent);
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Pick<ReturnType<typeof store.getState>, 'memory' | 'storage' | 'mutex'>> | null;
    if (saved && typeof saved === 'object') {
      store.setState({
        memory: saved.memory?.kind === 'memory-latency' ? saved.memory : null,
        storage: saved.storage?.kind === 'storage-latency' ? saved.storage : null,
        mutex: saved.mutex?.kind === 'mutex-latency' ? saved.mutex : null,
      });
    }
  } catch {
    localStorage.removeItem(STORAGE_KEY);
  }
}

async function runOne(request: MeasurementRequest, label: string): Promise<MeasurementResult> {
  const api = getApi();
  const { jobId } = await api.startMeasurement(request);
  store.setState({ job: { jobId, label, progress: null } });
  if (cancelled) void api.cancelMeasurement(jobId);
  return new Promise<MeasurementResult>((resolve, reject) => waiters.set(jobId, { resolve, reject }));
}

/** Measures memory latency (pointer chase), then a mutex, then an SSD read. */
export async function measureMachine(maxBytes: number): Promise<void> {
  if (store.getState().job) return;
  pause();
  cancelled = false;
  store.setState({ measureError: null, job: { jobId: '', label: 'Starting…', progress: null } });
  try {
    const memory = await runOne({ kind: 'memory-latency', params: { maxBytes } }, 'Memory latency (pointer chase)');
    store.setState({ memory: memory.kind === 'memory-latency' ? memory : null });
    persist();
    if (cancelled) return;
    const mutex = await runOne({ kind: 'mutex-latency', params: {} }, 'Mutex lock + unlock');
    store.setState({ mutex: mutex.kind === 'mutex-latency' ? mutex : null });
    persist();
    if (cancelled) return;
    const storage = await runOne({ kind: 'storage-latency', params: {} }, 'SSD random 4 KiB read');
    store.setState({ storage: storage.kind === 'storage-latency' ? storage : null });
    persist();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    store.setState({ measureError: error instanceof ApiError && error.code === 'cancelled' ? 'Measurement cancelled.' : message });
  } finally {
    store.setState({ job: null });
  }
}

export async function cancelMeasurement(): Promise<void> {
  const job = store.getState().job;
  if (!job) return;
  cancelled = true;
  if (!job.jobId) return;
  try {
    await getApi().cancelMeasurement(job.jobId);
  } catch (error) {
    store.setState({ measureError: error instanceof Error ? error.message : String(error) });
  }
}

/** Forgets saved results. */
export function clearMeasurements(): void {
  store.setState({ memory: null, storage: null, mutex: null });
  persist();
}
