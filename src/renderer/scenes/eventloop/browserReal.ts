/**
 * The browser runtime's real run: the program in a dedicated Worker made from a blob URL (the
 * app's CSP allows `worker-src blob:`), so it never touches the page's DOM and a runaway loop
 * blocks only the worker, which is terminated after the time budget. Before the program runs,
 * a prelude shadows the worker's network and storage APIs (fetch, XMLHttpRequest, WebSocket,
 * importScripts, indexedDB, caches…) and routes console calls to the page, where they are
 * formatted exactly as the model formats them. The run ends when no timer or animation frame
 * is pending and nothing has happened for a quiet period.
 */
import { browserPrelude, RecordFormatter, type InstrumentRecord } from '../../../sim/eventloop/browserInstrument';

/** What a browser real run printed and how it ended. */
export interface BrowserRealOutcome {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly stopped: 'time' | null;
  readonly wallMs: number;
}

/** Runs `source` in a sandboxed worker; resolves with its console, formatted as the model formats. */
export function runInBrowserWorker(source: string, timeoutMs = 5000): Promise<BrowserRealOutcome> {
  const formatter = new RecordFormatter();
  const url = URL.createObjectURL(new Blob([browserPrelude('worker'), '\n', source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const t0 = performance.now();
  const stdout: string[] = [];
  const stderr: string[] = [];
  return new Promise((resolve) => {
    const finish = (stopped: 'time' | null): void => {
      clearTimeout(timer);
      worker.terminate();
      URL.revokeObjectURL(url);
      resolve({ stdout, stderr, stopped, wallMs: performance.now() - t0 });
    };
    const timer = setTimeout(() => finish('time'), timeoutMs);
    worker.onmessage = (event: MessageEvent<InstrumentRecord>) => {
      const line = formatter.line(event.data);
      if (line !== null) (line.stream === 'stderr' ? stderr : stdout).push(line.text);
      else finish(null);
    };
    // Only errors the prelude could not catch reach here: the program did not even compile.
    worker.onerror = (e) => {
      stderr.push(e.message);
      e.preventDefault();
      finish(null);
    };
  });
}
