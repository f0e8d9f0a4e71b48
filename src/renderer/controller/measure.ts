/**
 * Real measurements on the user's machine, through the host API. One at a time; the
 * animation pauses while one runs; the user can cancel; leaving the scene cancels.
 * The latest result of each kind is kept in the store and in localStorage, so "this
 * machine" survives a reload. Scenes call `runMeasurement`.
 */
import { getApi } from '../api/client';
import { ApiError, type HostEvent, type MeasurementKind, type MeasurementRequest, type MeasurementResult } from '../../shared/api';
import { store, type MeasurementResults } from '../state/store';
import { pause } from './playback';

const STORAGE_KEY = 'nanoscope.results.v1';

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
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(store.getState().results));
  } catch {
    // Not fatal: results stay for this page.
  }
}

/** Subscribes to host events and restores saved results. Call once at start-up. */
export function initMeasurements(): void {
  getApi().onEvent(onHostEvent);
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Record<string, MeasurementResult> | null;
    if (saved && typeof saved === 'object') {
      const results: Record<string, MeasurementResult> = {};
      for (const [kind, result] of Object.entries(saved)) if (result && typeof result === 'object' && result.kind === kind) results[kind] = result;
      store.setState({ results: results as MeasurementResults });
    }
  } catch {
    localStorage.removeItem(STORAGE_KEY);
  }
}

async function startAndWait(request: MeasurementRequest, label: string): Promise<MeasurementResult> {
  const api = getApi();
  const { jobId } = await api.startMeasurement(request);
  store.setState({ job: { jobId, label, progress: null } });
  if (cancelled) void api.cancelMeasurement(jobId);
  return new Promise<MeasurementResult>((resolve, reject) => waiters.set(jobId, { resolve, reject }));
}

/**
 * Runs a sequence of real measurements as one job the user sees (progress, one Cancel).
 * Each result is stored as it arrives. Returns false when cancelled or failed; the
 * message is then in `measureError`.
 */
export async function runMeasurements(steps: readonly { request: MeasurementRequest; label: string }[]): Promise<boolean> {
  if (store.getState().job) return false;
  pause();
  cancelled = false;
  store.setState({ measureError: null, job: { jobId: '', label: 'Starting…', progress: null } });
  try {
    for (const step of steps) {
      if (cancelled) return false;
      const result = await startAndWait(step.request, step.label);
      store.setState({ results: { ...store.getState().results, [result.kind]: result } });
      persist();
    }
    return !cancelled;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    store.setState({ measureError: error instanceof ApiError && error.code === 'cancelled' ? 'Measurement cancelled.' : message });
    return false;
  } finally {
    store.setState({ job: null });
  }
}

/** One measurement; see runMeasurements. */
export function runMeasurement(request: MeasurementRequest, label: string): Promise<boolean> {
  return runMeasurements([{ request, label }]);
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

/** Forgets saved results of the given kinds (all when omitted). */
export function clearMeasurements(kinds?: readonly MeasurementKind[]): void {
  const results: Record<string, unknown> = { ...store.getState().results };
  for (const kind of kinds ?? (Object.keys(results) as MeasurementKind[])) delete results[kind];
  store.setState({ results: results as MeasurementResults });
  persist();
}
