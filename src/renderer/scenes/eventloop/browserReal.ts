/**
 * The browser runtime's real run. The program never runs with the app's origin: the page frames
 * /sandbox/eventloop.html (served with CSP `sandbox allow-scripts` and `connect-src 'none'`, an
 * opaque origin without storage), hands it the instrument and the program through a
 * MessageChannel, and the frame runs them in a Worker made from a blob URL, which inherits that
 * policy. So the program has no network (not even the app's API), no storage and no DOM; a
 * runaway loop blocks only the worker. Every message back is checked (sandboxMessages.ts) and a
 * forged one is dropped; output stops at 1 MiB; the frame is removed after the time budget.
 */
import { browserPrelude, RecordFormatter } from '../../../sim/eventloop/browserInstrument';
import { checkSandboxMessage } from './sandboxMessages';

/** What a browser real run printed and how it ended. */
export interface BrowserRealOutcome {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly stopped: 'time' | 'output' | null;
  readonly wallMs: number;
}

/** stdout + stderr cap of one run, as for Node. */
export const BROWSER_OUTPUT_CAP = 1 << 20;

/** Runs `source` in the sandbox frame's worker; resolves with its console, formatted as the model formats. */
export function runInBrowserWorker(source: string, timeoutMs = 5000): Promise<BrowserRealOutcome> {
  const formatter = new RecordFormatter();
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'sandbox of the real run';
  frame.hidden = true;
  frame.dataset.testid = 'eventloop.sandbox';
  frame.src = new URL('sandbox/eventloop.html', document.baseURI).href;
  const t0 = performance.now();
  const stdout: string[] = [];
  const stderr: string[] = [];
  let bytes = 0;
  let ready = false;
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    let done = false;
    const finish = (stopped: BrowserRealOutcome['stopped']): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      window.removeEventListener('message', onReady);
      channel.port1.onmessage = null;
      channel.port1.close();
      frame.remove();
      if (!ready) stderr.push('the sandbox frame did not start');
      resolve({ stdout, stderr, stopped, wallMs: performance.now() - t0 });
    };
    const timer = setTimeout(() => finish('time'), timeoutMs);
    const onReady = (e: MessageEvent): void => {
      if (ready || e.source !== frame.contentWindow || (e.data as { type?: unknown } | null)?.type !== 'nanoscope-sandbox-ready') return;
      ready = true;
      frame.contentWindow?.postMessage({ type: 'run', source: `${browserPrelude('worker')}\n${source}` }, '*', [channel.port2]);
    };
    window.addEventListener('message', onReady);
    channel.port1.onmessage = (e: MessageEvent) => {
      const m = checkSandboxMessage(e.data);
      if (m === null || done) return;
      if (m.kind === 'stopped') return finish(m.why === 'output' ? 'output' : null);
      if (m.kind === 'compile-error') {
        // Only errors the prelude could not catch reach here: the program did not even compile.
        stderr.push(m.message);
        return finish(null);
      }
      const line = formatter.line(m.record);
      if (line === null) return finish(null);
      bytes += line.text.length + 1;
      if (bytes > BROWSER_OUTPUT_CAP) return finish('output');
      (line.stream === 'stderr' ? stderr : stdout).push(line.text);
    };
    document.body.append(frame);
  });
}
