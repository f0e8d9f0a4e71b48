// The browser runtime's real run, relay side. This page is served with a CSP `sandbox
// allow-scripts` (an opaque origin: no cookies, no storage, no access to the app's API) and
// `connect-src 'none'`; the page that frames it sends one program through a MessageChannel, this
// relay runs it in a Worker made from a blob URL (which inherits this page's policy) and forwards
// the worker's records, stopping the worker itself once they pass the output cap.
/* global addEventListener, parent, Worker */
'use strict';
(() => {
  const MAX_BYTES = 1 << 20;
  const MAX_MESSAGES = 100000;
  let started = false;
  /** Roughly the bytes a record carries (strings counted by length), walked with a budget. */
  const size = (v, budget) => {
    let n = 0;
    const stack = [v];
    while (stack.length > 0 && n < budget) {
      const x = stack.pop();
      if (typeof x === 'string') n += x.length;
      else if (x !== null && typeof x === 'object') {
        n += 8;
        for (const k of Object.keys(x).slice(0, 100000)) {
          n += k.length;
          stack.push(x[k]);
        }
      } else n += 8;
    }
    return n;
  };
  addEventListener('message', (e) => {
    if (started || e.source !== parent || e.ports.length !== 1) return;
    const d = e.data;
    if (d === null || typeof d !== 'object' || d.type !== 'run' || typeof d.source !== 'string') return;
    started = true;
    const port = e.ports[0];
    const url = URL.createObjectURL(new Blob([d.source], { type: 'text/javascript' }));
    const worker = new Worker(url);
    let bytes = 0;
    let count = 0;
    let open = true;
    const stop = (why) => {
      if (!open) return;
      open = false;
      worker.terminate();
      URL.revokeObjectURL(url);
      port.postMessage({ type: 'stopped', why });
    };
    worker.onmessage = (m) => {
      if (!open) return;
      count++;
      bytes += size(m.data, MAX_BYTES + 1);
      if (bytes > MAX_BYTES || count > MAX_MESSAGES) return stop('output');
      port.postMessage({ type: 'record', record: m.data });
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      if (open) port.postMessage({ type: 'compile-error', message: String(ev.message) });
      stop('error');
    };
  });
  parent.postMessage({ type: 'nanoscope-sandbox-ready' }, '*');
})();
