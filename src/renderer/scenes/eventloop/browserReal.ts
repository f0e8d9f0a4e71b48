/**
 * The browser runtime's real run: the program in a dedicated Worker made from a blob URL (the
 * app's CSP allows `worker-src blob:`), so it never touches the page's DOM and a runaway loop
 * blocks only the worker, which is terminated after the time budget. Before the program runs,
 * a prelude shadows the worker's network and storage APIs (fetch, XMLHttpRequest, WebSocket,
 * importScripts, indexedDB, caches…) and routes console calls to the page, where they are
 * formatted exactly as the model formats them. The run ends when no timer or animation frame
 * is pending and nothing has happened for a quiet period.
 */
import { formatLog } from '../../../sim/eventloop/inspect';
import { Interpreter } from '../../../sim/eventloop/interpreter';
import type { Value } from '../../../sim/eventloop/values';

/** What a browser real run printed and how it ended. */
export interface BrowserRealOutcome {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly stopped: 'time' | null;
  readonly wallMs: number;
}

type Encoded = { t: 'u' } | { t: 'p'; v: string | number | boolean | null } | { t: 'a'; v: Encoded[] } | { t: 'o'; v: [string, Encoded][] } | { t: 'f'; name: string } | { t: 's'; v: string };

const PRELUDE = `(() => {
  const post = (m) => postMessage(m);
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel', 'WebTransport']) {
    try { Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false }); } catch {}
  }
  const enc = (v, depth) => {
    if (v === undefined) return { t: 'u' };
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { t: 'p', v };
    if (typeof v === 'function') return { t: 'f', name: v.name };
    if (depth > 4) return { t: 's', v: '[Object]' };
    if (Array.isArray(v)) return { t: 'a', v: v.map((x) => enc(x, depth + 1)) };
    if (typeof v === 'object') return { t: 'o', v: Object.keys(v).map((k) => [k, enc(v[k], depth + 1)]) };
    return { t: 's', v: String(v) };
  };
  let last = performance.now();
  const touch = () => { last = performance.now(); };
  for (const [key, stream] of [['log', 'stdout'], ['info', 'stdout'], ['debug', 'stdout'], ['error', 'stderr'], ['warn', 'stderr']]) {
    console[key] = (...args) => { touch(); post({ type: 'log', stream, args: args.map((a) => enc(a, 0)) }); };
  }
  self.addEventListener('error', (e) => { touch(); post({ type: 'error', text: 'Uncaught ' + (e.error && e.error.name ? e.error.name + ': ' + e.error.message : e.message) }); e.preventDefault(); });
  self.addEventListener('unhandledrejection', (e) => { touch(); const r = e.reason; post({ type: 'error', text: 'Uncaught (in promise) ' + (r && r.name ? r.name + ': ' + r.message : String(r)) }); e.preventDefault(); });
  const live = new Set();
  const st = self.setTimeout.bind(self), ct = self.clearTimeout.bind(self), si = self.setInterval.bind(self), ci = self.clearInterval.bind(self);
  const raf = self.requestAnimationFrame ? self.requestAnimationFrame.bind(self) : (cb) => st(() => cb(performance.now()), 16);
  self.setTimeout = (cb, ms, ...a) => { const id = st(() => { live.delete('t' + id); touch(); cb(...a); }, ms); live.add('t' + id); return id; };
  self.clearTimeout = (id) => { live.delete('t' + id); ct(id); };
  self.setInterval = (cb, ms, ...a) => { const id = si(() => { touch(); cb(...a); }, ms); live.add('i' + id); return id; };
  self.clearInterval = (id) => { live.delete('i' + id); ci(id); };
  self.requestAnimationFrame = (cb) => { const id = raf((ts) => { live.delete('r' + id); touch(); cb(ts); }); live.add('r' + id); return id; };
  const watch = () => { if (live.size === 0 && performance.now() - last > 150) post({ type: 'done' }); else st(watch, 50); };
  st(watch, 50);
})();
`;

function decode(realm: Interpreter['realm'], e: Encoded): Value {
  switch (e.t) {
    case 'u':
      return undefined;
    case 'p':
      return e.v;
    case 's':
      return e.v;
    case 'a':
      return realm.array(e.v.map((x) => decode(realm, x)));
    case 'o': {
      const o = realm.object();
      for (const [k, v] of e.v) o.props[k] = decode(realm, v);
      return o;
    }
    case 'f': {
      const f = realm.native(e.name, () => undefined);
      return f;
    }
  }
}

/** Runs `source` in a sandboxed worker; resolves with its console, formatted as the model formats. */
export function runInBrowserWorker(source: string, timeoutMs = 5000): Promise<BrowserRealOutcome> {
  const realm = new Interpreter({ enqueueJob: () => undefined, track: () => undefined }, { maxSteps: 1, maxDepth: 1 }).realm;
  const url = URL.createObjectURL(new Blob([PRELUDE, '\n', source], { type: 'text/javascript' }));
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
    worker.onmessage = (event: MessageEvent<{ type: string; stream?: string; args?: Encoded[]; text?: string }>) => {
      const m = event.data;
      if (m.type === 'log') (m.stream === 'stderr' ? stderr : stdout).push(formatLog((m.args ?? []).map((a) => decode(realm, a))));
      else if (m.type === 'error') stderr.push(m.text ?? '');
      else if (m.type === 'done') finish(null);
    };
    // Only errors the prelude could not catch reach here: the program did not even compile.
    worker.onerror = (e) => {
      stderr.push(e.message);
      e.preventDefault();
      finish(null);
    };
  });
}
