/**
 * Loading a trace: one Web Worker per run (cancel = terminate), its progress and outcome in a
 * small store of its own so the result survives switching panels.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { hierarchyFromMachine } from '../../../sim/cache/config';
import type { MachineModel } from '../../../sim/hardware/types';
import type { TraceOutcome, TraceProgress, TraceRunRequest, TraceWorkerMessage } from './traceProtocol';

export interface TraceState {
  readonly status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  readonly fileName: string | null;
  /** The machine the trace ran on (its name). */
  readonly machineName: string | null;
  readonly progress: TraceProgress | null;
  readonly outcome: TraceOutcome | null;
  /** "line N: <the line>: <why>" for a parse error, or what failed. */
  readonly error: string | null;
}

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): a loaded trace file's run (progress, outcome) belongs to this scene's trace worker; no other panel reads it.
export const traceStore = createStore<TraceState>()(() => ({ status: 'idle', fileName: null, machineName: null, progress: null, outcome: null, error: null }));

export function useTrace<T>(selector: (state: TraceState) => T): T {
  return useStore(traceStore, selector);
}

let worker: Worker | null = null;

function stop(): void {
  worker?.terminate();
  worker = null;
}

/** Runs the whole file through the machine's data caches; replaces a run in progress. */
export function runTrace(file: File, machine: MachineModel): void {
  stop();
  const current = new Worker(new URL('./trace.worker.ts', import.meta.url), { type: 'module', name: 'nanoscope-trace' });
  worker = current;
  traceStore.setState({ status: 'running', fileName: file.name, machineName: machine.name, progress: null, outcome: null, error: null });
  current.onmessage = (event: MessageEvent<TraceWorkerMessage>) => {
    if (worker !== current) return;
    const m = event.data;
    if (m.type === 'progress') {
      traceStore.setState({ progress: m.progress });
      return;
    }
    stop();
    if (m.type === 'done') traceStore.setState({ status: 'done', outcome: m.outcome });
    else if (m.type === 'parse-error') traceStore.setState({ status: 'failed', error: `line ${m.line}: ${m.text}: ${m.reason}` });
    else traceStore.setState({ status: 'failed', error: m.message });
  };
  current.onerror = (event) => {
    if (worker !== current) return;
    stop();
    traceStore.setState({ status: 'failed', error: `The trace worker failed: ${event.message}` });
  };
  const request: TraceRunRequest = { file, name: file.name, config: hierarchyFromMachine(machine) };
  current.postMessage(request);
}

export function cancelTrace(): void {
  if (traceStore.getState().status !== 'running') return;
  stop();
  traceStore.setState({ status: 'cancelled', error: 'Trace run cancelled.' });
}

/** Forgets the last trace (a new scene load keeps it; the user clears it). */
export function clearTrace(): void {
  stop();
  traceStore.setState({ status: 'idle', fileName: null, machineName: null, progress: null, outcome: null, error: null });
}
