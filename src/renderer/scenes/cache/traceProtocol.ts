/** Messages between the UI thread and the trace worker (one worker per run; cancel = terminate). */
import type { HierarchyConfig, HierarchyCounters } from '../../../sim/cache/hierarchy';

export type TraceFormat = 'lackey' | 'din';

export interface TraceRunRequest {
  readonly file: Blob;
  readonly name: string;
  readonly config: HierarchyConfig;
  /** Undefined: guessed from the name, then from the first lines. */
  readonly format?: TraceFormat;
}

export interface TraceProgress {
  /** Bytes of the file read so far (compressed bytes for a gzipped file). */
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly lines: number;
  readonly records: number;
}

export interface TraceOutcome {
  readonly format: TraceFormat;
  readonly gzipped: boolean;
  readonly lines: number;
  readonly records: number;
  readonly counters: HierarchyCounters;
  /** null when a latency is unknown. */
  readonly amatNs: number | null;
}

export type TraceWorkerMessage =
  | { readonly type: 'progress'; readonly progress: TraceProgress }
  | { readonly type: 'done'; readonly outcome: TraceOutcome }
  | { readonly type: 'parse-error'; readonly line: number; readonly text: string; readonly reason: string }
  | { readonly type: 'error'; readonly message: string };
